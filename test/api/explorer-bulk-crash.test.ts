import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { BulkJobDoc } from '../../shared/explorer/bulk-jobs.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { CrashingStore } from '../support/crashing-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, MINUTE, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

interface Row { id: string; userId: string; activityType: { id: string } | null; editedByUser: { name: string } | null }
const FROM = at(T0, -DAY);

async function signedIn(api: TestApi) {
  const as = async (user: 'alice' | 'bob' | 'carol') => client(api, await api.signIn('fabrikam', user));
  const [alice, bob, carol] = [await as('alice'), await as('bob'), await as('carol')];
  const carolId = (await carol('GET', '/rest/me')).body.data.user.id as string;
  const rows = async (): Promise<Row[]> => (await alice('GET', `/explorer/workLogs?from=${FROM}&to=${T0}`)).body.data.items;
  return { alice, bob, carol, carolId, rows };
}

/**
 * A bulk action over bob's and carol's worklogs whose process dies after `crashAfter`
 * store batches (at most 5 operations each, so that each worklog takes a commit of its own, as
 * more than 32 would on Cosmos); carol changes one of her worklogs before the queue rolls the job forward.
 */
async function crashMidJob(crashAfter: number) {
  const clock = new MutableClock(T0);
  const dataDir = mkdtempSync(join(tmpdir(), 'timehub-bulk-crash-'));
  const underlying = new SqliteDocumentStore(':memory:', clock);
  try {
    const dying = new CrashingStore(underlying, 5);
    const before = await startTestApi({ store: dying, clock, dataDir });
    const first = await signedIn(before);
    const added = await first.bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(3, FROM, 1800));
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect((await first.alice('POST', `/rest/workLogs/batch?userId=${first.carolId}`, consecutiveWorklogs(3, at(FROM, 10 * MINUTE), 1800))).status).toBe(201);
    const targets = (await first.rows()).map((r) => ({ id: r.id, userId: r.userId }));
    dying.crashAfter(crashAfter);
    const killed = await first.alice('POST', '/explorer/bulkActions', { change: { kind: 'activityType', activityTypeId: 'testing' }, worklogs: targets });
    expect(killed.status).toBe(500);
    await before.close();

    const after = await startTestApi({ store: new CrashingStore(underlying, 5), clock, dataDir });
    try {
      const again = await signedIn(after);
      clock.advance(MINUTE);
      const carols = (await again.rows()).filter((r) => r.userId === again.carolId);
      expect((await again.carol('PATCH', `/rest/workLogs/${carols[1]!.id}`, { activityTypeId: 'design' })).status).toBe(200);
      clock.advance(3 * MINUTE);
      await after.worker.runDue();
      const [job] = await after.store.query<BulkJobDoc>('orgs', { partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'bulkJob' }] });
      return { rows: await again.rows(), job, carolsEdited: carols[1]!.id };
    } finally {
      await after.close();
    }
  } finally {
    await underlying.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('a bulk action whose process dies mid-way', () => {
  // 0: before any worklog changed; 1: between bob's two commits; 2: after bob's; 3: between carol's.
  it.each([0, 1, 2, 3])('is rolled forward by the queue after a crash after %i batches, keeping the owner\'s later edit', async (crashAfter) => {
    const { rows, job, carolsEdited } = await crashMidJob(crashAfter);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const expected = row.id === carolsEdited ? ['design', 'Carol Castillo'] : ['testing', 'Alice Anders'];
      expect([row.activityType?.id, row.editedByUser?.name], row.id).toEqual(expected);
    }
    expect(job).toMatchObject({ status: 'done', count: 6, applied: 5, skipped: 1, missing: 0 });
  });
});
