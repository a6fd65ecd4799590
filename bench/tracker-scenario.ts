import { join } from 'node:path';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { composeApp, composeWorker } from '../shared/composition.js';
import { loadSettings } from '../shared/config/settings.js';
import { nextEvent } from '../shared/domain/activity-check.js';
import { watchOf } from '../shared/domain/tracker.js';
import { loadOrganization } from '../shared/orgs/organization.js';
import type { MessageQueue } from '../shared/ports/message-queue.js';
import { writeTrackingSettings } from '../shared/settings/tracking-settings.js';
import { handleTrackerTimer } from '../shared/tracking/handle-tracker-timer.js';
import { readUserState } from '../shared/worklogs/user-ledger.js';
import { CountingQueue, noQueue, type QueueCounts } from './counting-queue.js';
import { CountingStore, type StoreCounts } from './counting-store.js';
import { Fleet, FLEET_POLICY, fleetCallers } from './tracker-fleet.js';
import { SkipClock } from './skip-clock.js';

/** How often the embedded worker polls (composeWorker's pollMs), and so the sweep too. */
export const POLL_MS = 1000;
/**
 * Timer events fall on whole seconds; where the polls fall between them depends on when
 * setInterval started. Both sides poll half a second past, that phase's mean.
 */
export const POLL_PHASE_MS = 500;
/** The simulated span: starts over the first minute, then every first check with its answer or stop. */
export const WINDOW_MS = 140_000;

export type TrackerSideKind = 'queue' | 'sweep';

export interface TrackerSideResult {
  trackers: number;
  /** Milliseconds from the time each timer event was due until its handler finished. */
  lags: number[];
  trackedHours: number;
  store: StoreCounts;
  queue?: QueueCounts;
  fleet: Fleet['counts'];
  /** Trackers still running once the window is over (a consistency check: both sides agree). */
  runningAtEnd: number;
  wallSeconds: number;
  problems: string[];
}

/** Polls at the worker's fixed cadence; a pass that overruns skips the ticks it ran through. */
async function pollLoop(clock: SkipClock, end: number, pass: () => Promise<unknown>) {
  const nextTick = () => (Math.floor((clock.ms() - POLL_PHASE_MS) / POLL_MS) + 1) * POLL_MS + POLL_PHASE_MS;
  for (let tick = nextTick(); ; tick = nextTick()) {
    await clock.sleepUntil(tick);
    await pass();
    if (tick >= end) break;
  }
  clock.retire();
}

/**
 * One side of the tracker scenario on its own SQLite file: the fleet of users and either
 * the embedded queue's worker or, as the baseline, a sweep without a queue that reads every
 * user's state each poll and runs the same handler for each tracker with an event due.
 */
export async function runTrackerSide(kind: TrackerSideKind, dir: string, trackers: number, start: Date): Promise<TrackerSideResult> {
  const file = join(dir, `trackers-${kind}.sqlite`);
  const clock = new SkipClock(start, 2);
  const store = new CountingStore(new SqliteDocumentStore(file, clock));
  const queue: MessageQueue = kind === 'queue' ? new CountingQueue(file, clock) : noQueue;
  const settings = loadSettings({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' /* the bench drives few users far past any per-user limit */ });
  const app = await composeApp(settings, { store, clock, queue });
  const callers = fleetCallers(trackers);
  const admin = callers[0]!;
  await loadOrganization(app.ports, admin.orgId, admin.orgName);
  await writeTrackingSettings(app.ports, admin, FLEET_POLICY);
  const problems: string[] = [];
  const lags = queue instanceof CountingQueue ? queue.lags : [];
  let pass: () => Promise<unknown>;
  if (queue instanceof CountingQueue) {
    const worker = await composeWorker(app, settings, (line) => problems.push(line));
    if (!worker) throw new Error('composeWorker gave no embedded worker');
    pass = () => worker.runDue();
  } else {
    pass = async () => {
      for (const caller of callers) {
        const tracker = (await readUserState(store, caller.orgId, caller.user.id))?.tracker;
        const due = tracker && nextEvent(watchOf(tracker)).at;
        if (!tracker || !due || Date.parse(due) > clock.ms()) continue;
        const body = { orgId: caller.orgId, userId: caller.user.id, trackerId: tracker.id, at: due };
        await handleTrackerTimer(app.ports, { messageId: `sweep:${tracker.id}:${due}`, body, deliveryCount: 1, enqueuedAt: new Date(due) });
        lags.push(clock.ms() - Date.parse(due));
      }
    };
  }
  store.take();
  const began = performance.now();
  const fleet = new Fleet(app.ports, callers, clock);
  const end = clock.ms() + WINDOW_MS;
  await Promise.all([fleet.run(end), pollLoop(clock, end, pass)]);
  const wallSeconds = (performance.now() - began) / 1000;
  const counts = store.take();
  let runningAtEnd = 0;
  for (const caller of callers) if ((await readUserState(store, caller.orgId, caller.user.id))?.tracker) runningAtEnd++;
  if (fleet.firstError) problems.push(`users: ${fleet.firstError}`);
  const result: TrackerSideResult = {
    trackers, lags, trackedHours: fleet.trackedHours(end), store: counts, fleet: fleet.counts, runningAtEnd, wallSeconds, problems,
    ...(queue instanceof CountingQueue ? { queue: { ...queue.counts } } : {}),
  };
  await store.close();
  if (queue instanceof CountingQueue) await queue.close();
  return result;
}
