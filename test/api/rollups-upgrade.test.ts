import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRetentionMaintenance } from '../../shared/orgs/retention-maintenance.js';
import { rebuildMissingRollups } from '../../shared/rollups/rebuild-rollups.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { writeRelease010File } from '../support/release-fixtures.js';
import { keptAndRecounted } from '../support/rollup-recount.js';
import { HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

/** Data written before rollups existed (release 0.1.0) gets them from a resumable rebuild. */
let dataDir: string;
let api: TestApi;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'timehub-rollups-'));
  writeRelease010File(join(dataDir, 'timehub.sqlite'));
  api = await startTestApi({ dataDir, clock: new MutableClock(at(T0, HOUR)) });
});
afterEach(async () => {
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const RANGE = `$fromTimestamp=${at(T0, -30 * 24 * HOUR)}&$count=500`;
const REPORT = 'from=2024-12-01&to=2025-01-31&groupBy=user';

async function bobsTimeBothWays() {
  const bob = client(api, await api.signIn('fabrikam', 'bob'));
  const worklogs = (await bob('GET', `/rest/workLogs?${RANGE}`)).body.data as { length: number }[];
  const report = (await bob('GET', `/reports/time?${REPORT}`)).body.data as { totals: { length: number; count: number } };
  return { worklogs: { length: worklogs.reduce((sum, w) => sum + w.length, 0), count: worklogs.length }, report: { length: report.totals.length, count: report.totals.count } };
}

describe('rollups for data from release 0.1.0', () => {
  it('are built by the daily maintenance (also run at start), after which reports agree with the worklogs', async () => {
    const before = await bobsTimeBothWays();
    expect(before.worklogs.count).toBe(3);
    expect(before.report.count).toBe(0);
    const outcome = await runRetentionMaintenance(api.app.ports);
    expect(outcome.rollupsRebuilt).toEqual({ users: 2, worklogs: 4 });
    const after = await bobsTimeBothWays();
    expect(after.report).toEqual(after.worklogs);
    const { kept, recounted } = await keptAndRecounted(api.store);
    expect(kept).toEqual(recounted);
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    expect((await runRetentionMaintenance(api.app.ports)).rollupsRebuilt).toEqual({ users: 0, worklogs: 0 });
  });

  it('stay right when a user writes before the rebuild reaches them, and the rebuild resumes where it stopped', async () => {
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -5 * HOUR), length: 600 }))).status).toBe(201);
    // One user recounted by an Administrator first: the rebuild does the rest only.
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    expect((await alice('POST', '/admin/rollups/recount', { userId: bobId })).body.data.worklogsCounted).toBe(4);
    expect(await rebuildMissingRollups(api.store)).toEqual({ users: 1, worklogs: 1 });
    const { kept, recounted } = await keptAndRecounted(api.store);
    expect(kept).toEqual(recounted);
    const after = await bobsTimeBothWays();
    expect(after.report).toEqual(after.worklogs);
  });
});
