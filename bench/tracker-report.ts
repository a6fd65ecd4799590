import type { StoreCounts } from './counting-store.js';
import { queueOps } from './counting-queue.js';
import { FLEET_POLICY, START_SPREAD_MS } from './tracker-fleet.js';
import { POLL_MS, POLL_PHASE_MS, WINDOW_MS, type TrackerSideResult } from './tracker-scenario.js';

function percentile(values: number[], p: number) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const int = (n: number) => Math.round(n).toString();

/** Store calls per tracked hour: reads, queries, write calls / documents written. */
function storePerHour(c: StoreCounts, hours: number) {
  return `${int(c.reads / hours)}r ${int(c.queries / hours)}q ${int(c.writes / hours)}w/${int(c.docsWritten / hours)}d`;
}

function queuePerHour(r: TrackerSideResult) {
  const c = r.queue;
  if (!c) return 'none';
  const per = (n: number) => int(n / r.trackedHours);
  return `${per(queueOps(c))}: ${per(c.schedule)} schedule, ${per(c.send)} send, ${per(c.cancel)} cancel, ` +
    `${per(c.claim)} claim, ${per(c.complete)} complete${c.fail ? `, ${per(c.fail)} fail` : ''}`;
}

/** The tracker row: the embedded queue's worker beside a sweep without a queue, same fleet, same run. */
export function trackerTable(queue: TrackerSideResult, sweep: TrackerSideResult): string {
  const header = ['scenario', 'queue lag p50 ms', 'p99 ms', 'sweep lag p50 ms', 'p99 ms', 'queue ops/tracked h',
    'store ops/tracked h queue', 'store ops/tracked h sweep', 'timer events handled queue / sweep', 'tracked h', 'busy s queue / sweep'];
  const row = [
    `${queue.trackers} trackers at once, checks`,
    int(percentile(queue.lags, 50)), int(percentile(queue.lags, 99)), int(percentile(sweep.lags, 50)), int(percentile(sweep.lags, 99)),
    queuePerHour(queue), storePerHour(queue.store, queue.trackedHours), storePerHour(sweep.store, sweep.trackedHours),
    `${queue.lags.length} / ${sweep.lags.length}`, queue.trackedHours.toFixed(1), `${int(queue.wallSeconds)} / ${int(sweep.wallSeconds)}`,
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), line(row)].join('\n');
}

export function trackerNotes(queue: TrackerSideResult, sweep: TrackerSideResult): string[] {
  const { intervalMinutes, waitingSeconds } = FLEET_POLICY.activityCheck;
  const notes = [
    `trackers: ${queue.trackers} virtual users in fabrikam (10000 × BENCH_SCALE), each starting a tracker through the use case at a random moment ` +
    `of the first ${START_SPREAD_MS / 1000} s; org policy: a check every ${intervalMinutes} min, ${waitingSeconds} s to answer, ` +
    `max ${FLEET_POLICY.maxTrackLengthHours} h, emails off (no outbox); 4 in 5 users answer "still working" 1–15 s after each check is due, ` +
    `the rest never answer and are stopped; ${WINDOW_MS / 1000} s simulated; tracked hours = worklog time up to then; ` +
    `trackers running at the end: ${queue.runningAtEnd} queue / ${sweep.runningAtEnd} sweep`,
    `lag: from when a timer event was due until its handler finished, on a clock that is real time with the idle gaps skipped ` +
    `(when the worker, polling every ${POLL_MS / 1000} s as composeWorker does, and the users, one request after another on the same event loop, ` +
    `all wait, time jumps to the next wake-up; every busy millisecond is real, so load from other processes counts too); polls fall ` +
    `${POLL_PHASE_MS} ms after the whole seconds events fall on (the mean phase of setInterval), so ${POLL_PHASE_MS} ms of each lag is the poll's`,
    'baseline sweep: no queue; each poll reads every user\'s state document and runs the same handler (handleTrackerTimer) for each ' +
    'tracker with an event due, as a cron-style sweep would; busy s: wall time of each side\'s simulated window',
  ];
  for (const [kind, r] of [['queue', queue], ['sweep', sweep]] as const) {
    if (r.fleet.late || r.fleet.errors) notes.push(`${kind}: ${r.fleet.late} answers came too late, ${r.fleet.errors} user requests failed`);
    for (const problem of r.problems.slice(0, 3)) notes.push(`${kind}: ${problem}`);
  }
  return notes;
}
