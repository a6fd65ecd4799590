import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { Document } from '../../shared/ports/document-store.js';
import { timeReportQuery } from '../../shared/contracts/reports.js';
import type { Caller } from '../../shared/identity/caller.js';
import { recountRollups, type RollupDoc } from '../../shared/rollups/rollup-docs.js';
import { reportTime } from '../../shared/reports/report-time.js';
import { userPartition } from '../../shared/worklogs/user-ledger.js';
import { MutableClock } from '../support/mutable-clock.js';

const ORG = 'org-1';
const admin: Caller = { orgId: ORG, orgName: 'fabrikam', user: { id: 'admin', name: 'Admin', uniqueName: 'admin@x' }, roles: ['admin'], access: { role: 'administrator', teams: [], billingAdmin: true } };
const worklog = (localDay: string, workItemId: number, length: number, isBillable: boolean): Parameters<typeof recountRollups>[3] extends Iterable<infer W> ? W : never => ({
  localDay, workItemId, activityTypeId: workItemId % 2 ? 'meeting' : 'development', length, billableLength: isBillable ? length : 0,
  flags: { isBillable, isTracked: false, isManuallyEntered: true, isChanged: false },
});

let store: SqliteDocumentStore;
beforeEach(async () => {
  store = new SqliteDocumentStore(':memory:', new MutableClock(new Date('2026-01-05T00:00:00Z')));
  for (const [user, logs] of [
    ['u1', [worklog('2025-01-03', 1, 3600, true), worklog('2025-01-03', 2, 1800, false), worklog('2025-02-10', 1, 600, true)]],
    ['u2', [worklog('2025-01-20', 3, 7200, false), worklog('2025-03-31', 4, 900, true)]],
  ] as const) {
    const pk = userPartition(ORG, user);
    for (const doc of recountRollups(pk, ORG, user, logs)) await store.create('worklogs', doc);
  }
});
afterEach(() => store.close());

const report = (groupBy: string) => reportTime({ store }, admin, timeReportQuery.parse({ from: '2025-01-01', to: '2025-12-31', groupBy }));

it('a report by user and period reads the per-bucket totals and agrees with one read from the cells', async () => {
  const selected: unknown[] = [];
  const watched = { query: (container: 'worklogs', query: Parameters<SqliteDocumentStore['query']>[1]) => (selected.push(query.select), store.query(container, query)) } as unknown as SqliteDocumentStore;
  await reportTime({ store: watched }, admin, timeReportQuery.parse({ from: '2025-01-01', to: '2025-12-31', groupBy: 'user,month' }));
  expect(selected, 'one query for the totals alone').toEqual([['userId', 'period', 'totals']]);
  const byMonth = await report('user,month');
  expect(byMonth.rows).toEqual([
    { userId: 'u1', month: '2025-01', length: 5400, billableLength: 3600, count: 2 },
    { userId: 'u1', month: '2025-02', length: 600, billableLength: 600, count: 1 },
    { userId: 'u2', month: '2025-01', length: 7200, billableLength: 0, count: 1 },
    { userId: 'u2', month: '2025-03', length: 900, billableLength: 900, count: 1 },
  ]);
  // The same sums through the cells: grouped by billable too, then folded back.
  const withBillable = await report('user,billable');
  expect(withBillable.totals).toEqual(byMonth.totals);
});

it('rollups written before the totals existed are read from their cells, with the same answer', async () => {
  const before = await report('user,week');
  const docs = await store.query<RollupDoc>('worklogs', { partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'rollup' }] });
  for (const { _etag, totals: _dropped, ...doc } of docs) await store.replace<Document>('worklogs', doc, _etag);
  const oldStyle = await store.query<RollupDoc>('worklogs', { partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'rollup' }] });
  expect(oldStyle.every((doc) => doc.totals === undefined)).toBe(true);
  expect(await report('user,week')).toEqual(before);
  expect((await report('user,month')).rows.map((r) => r.length)).toEqual([5400, 600, 7200, 900]);
});
