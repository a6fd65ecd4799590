import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/interleaving-store.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { startChildServer, killAllChildServers, type ChildServer } from './support/child-server.js';
import { acknowledged, checkRestart, type RestartFindings } from './support/crash-invariants.js';
import { retryUnanswered, type RetryTally } from './support/crash-retries.js';
import { pendingTrackerTimer } from './support/data-dir-probe.js';
import { everyWorklog } from './support/every-worklog.js';
import { keepAliveDevice } from './support/keep-alive-client.js';
import { devicesOfOneUser, signInOver } from './support/user-devices.js';
import { keyOfComment, WriteLoad, type StoredWorklog } from './support/write-load.js';

/**
 * `npm start`'s server in a child process on one DATA_DIR, killed with SIGKILL at random
 * moments under write load from four devices of one user, and restarted each time. The
 * child reads the real clock; the tracker's activity check is an hour away, so nothing waits for it.
 */
const KILLS = 5;
const SEED = 9_2026;
const CHECK_MINUTES = 60;
const random = seededRandom(SEED);
const dataDir = mkdtempSync(join(tmpdir(), 'timehub-crash-'));

afterAll(async () => {
  await killAllChildServers();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A random moment of the load, preferring one with a batch of 500 in flight: its commit is the risk. */
async function randomMoment(load: WriteLoad) {
  await wait(200 + random() * 600);
  for (let waited = 0; load.bigBatchesInFlight() === 0 && waited < 1000; waited += 5) await wait(5);
  await wait(random() * 350);
}

/** `key: n worklogs` per write, so that a failure names writes rather than thousands of ids. */
function byKey(worklogs: readonly StoredWorklog[]) {
  const counts = new Map<string, number>();
  for (const w of worklogs) counts.set(keyOfComment(w.comment), (counts.get(keyOfComment(w.comment)) ?? 0) + 1);
  return [...counts].map(([key, n]) => `${key}: ${n} worklogs`);
}
const seconds = (list: Iterable<StoredWorklog>) => [...list].reduce((sum, w) => sum + w.length, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe('a server killed with SIGKILL under write load, restarted on the same DATA_DIR', () => {
  it('keeps every acknowledged write, duplicates nothing, leaves no batch partial, and keeps the tracker and its check', { timeout: 60_000 }, async () => {
    let server: ChildServer = await startChildServer(dataDir);
    const admin = keepAliveDevice('alice', server.url, await signInOver(server.url, 'fabrikam', 'alice'));
    expect((await admin.call('PUT', '/settings/tracking', aTrackingPolicy({ intervalMinutes: CHECK_MINUTES, waitingSeconds: 300 }))).status).toBe(200);
    const devices = await devicesOfOneUser(server.url, () => signInOver(server.url, 'fabrikam', 'bob'));
    const started = await devices[0]!.call('POST', '/tracking/client/startTracking', { workItemId: 3 });
    expect(started.status).toBe(200);
    const tracker = started.body!.data.tracker as { startTimestamp: string; workItemId: number };
    const armed = pendingTrackerTimer(dataDir, tracker.startTimestamp);
    expect(armed?.timer?.trackerId).toBe(armed?.trackerId);
    const expectTrackerAndCheckSurvived = async (label: string) => {
      const current = await devices[1]!.call('GET', '/tracking/client/current');
      expect(current.body?.data?.tracker, `${label}: the running tracker`).toMatchObject({ startTimestamp: tracker.startTimestamp, workItemId: tracker.workItemId });
      expect(pendingTrackerTimer(dataDir, tracker.startTimestamp), `${label}: the tracker's pending activity check`).toEqual({
        trackerId: armed!.trackerId,
        timer: { trackerId: armed!.trackerId, visibleAt: Date.parse(tracker.startTimestamp) + CHECK_MINUTES * 60_000, deliveryCount: 0 },
      });
    };

    const load = new WriteLoad(random, new Date(Date.now() - 200 * 24 * 3600_000));
    const findings: RestartFindings = { lost: [], duplicated: [], partial: [] };
    const retries: RetryTally = { sent: 0, alreadyStored: 0, problems: [] };
    let bigBatchesCut = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const running = load.run(devices, kill);
      await randomMoment(load);
      bigBatchesCut += load.bigBatchesInFlight();
      await server.kill();
      await running;

      server = await startChildServer(dataDir);
      for (const device of [admin, ...devices]) device.retarget(server.url);
      const afterRestart = await everyWorklog<StoredWorklog>(devices[0]!.call);
      const found = checkRestart(load.writes, afterRestart);
      for (const kind of ['lost', 'duplicated', 'partial'] as const) findings[kind].push(...found[kind].map((f) => `kill ${kill}: ${f}`));
      await expectTrackerAndCheckSurvived(`kill ${kill}`);
      await retryUnanswered(load, [devices[0]!, devices[2]!], afterRestart, retries, `kill ${kill}`);
    }

    const stored = await everyWorklog<StoredWorklog>(devices[0]!.call);
    const storedIds = new Set(stored.map((w) => w.id));
    const acked = acknowledged(load.writes);
    const writes = [...load.writes.values()];
    const refusedUnderLoad = writes.filter((w) => w.outcome === 'refused').map((w) => `${w.key}: ${w.refusal!.status} ${JSON.stringify(w.refusal!.body)}`);
    console.log(`reliability/crash: ${KILLS} SIGKILLs (seed ${SEED}), ${writes.length} keyed writes ` +
      `(${writes.filter((w) => w.size > 1).length} batches, ${bigBatchesCut} batches of 500 in flight at a kill, ` +
      `${median(writes.filter((w) => w.size === 500 && w.answerMs).map((w) => w.answerMs!)).toFixed(0)} ms median answer), ` +
      `${retries.sent} retries after restarts (${retries.alreadyStored} writes had committed before the kill), ` +
      `${stored.length} worklogs stored, ${acked.size} acknowledged; lost ${findings.lost.length}, duplicated ${findings.duplicated.length}, ` +
      `partial batches ${findings.partial.length}, bad retries ${retries.problems.length}, refused under load ${refusedUnderLoad.length}`);
    for (const problem of [...refusedUnderLoad, ...findings.lost, ...findings.duplicated, ...findings.partial, ...retries.problems].slice(0, 12)) {
      console.log(`  ${problem.slice(0, 400)}`);
    }

    expect.soft(refusedUnderLoad, 'writes refused under load (each had a time slot of its own)').toEqual([]);
    expect.soft(findings.lost, 'acknowledged writes lost in a crash').toEqual([]);
    expect.soft(findings.duplicated, 'writes stored twice or from nowhere').toEqual([]);
    // Fails until issue 9 defect 1 lands: on SQLite a batch over 99 items is committed in chunks.
    expect.soft(findings.partial, 'batches stored in part').toEqual([]);
    expect.soft(retries.problems, 'retries with the same Idempotency-Key that did not return the first result').toEqual([]);
    expect.soft(byKey(stored.filter((w) => !acked.has(w.id))), 'worklogs stored that were never acknowledged').toEqual([]);
    expect.soft(byKey([...acked.values()].filter((w) => !storedIds.has(w.id))), 'acknowledged worklogs not stored').toEqual([]);
    expect.soft(seconds(stored), 'seconds stored equal seconds acknowledged').toBe(seconds(acked.values()));
    expect(Date.parse(stored.at(-1)?.timestamp ?? '1970-01-01'), 'the load stayed in the past').toBeLessThan(Date.parse(tracker.startTimestamp));
    await expectTrackerAndCheckSurvived('at the end');
  });
});
