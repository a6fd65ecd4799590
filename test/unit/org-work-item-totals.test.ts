import { describe, expect, it } from 'vitest';
import { CountingStore } from '../../bench/counting-store.js';
import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { readOrgWorkItemTotals } from '../../shared/budgets/work-item-totals.js';
import { TOTALS_PERIOD, rollupDoc, totalCell } from '../../shared/rollups/rollup-docs.js';
import { userPartition } from '../../shared/worklogs/user-ledger.js';
import { MutableClock } from '../support/mutable-clock.js';

const ORG = 'org-totals';
const allTime = (userId: string, cells: [workItemId: number, length: number, billable: number][]) =>
  rollupDoc(userPartition(ORG, userId), ORG, userId, TOTALS_PERIOD, cells.map(([id, length, billable]) => totalCell(id, length, billable, 1)));

describe("an org's all-time time per work item", () => {
  it('sums every user, reads again only the users who wrote since, and drops those whose totals are gone', async () => {
    const store = new CountingStore(new SqliteDocumentStore(':memory:', new MutableClock()));
    const ports = { store, directory: new LocalDevOpsDirectory({ accessTokenSecret: 'test' }) };
    await store.upsert('worklogs', allTime('ann', [[1, 3600, 3600], [2, 600, 0]]));
    await store.upsert('worklogs', allTime('ben', [[1, 1800, 0]]));
    expect(await readOrgWorkItemTotals(ports, ORG)).toEqual(new Map([[1, { length: 5400, billableLength: 3600 }], [2, { length: 600, billableLength: 0 }]]));

    store.take();
    await store.upsert('worklogs', allTime('ben', [[1, 1800, 0], [3, 900, 900]]));
    store.take();
    const after = await readOrgWorkItemTotals(ports, ORG);
    expect(after.get(3)).toEqual({ length: 900, billableLength: 900 });
    expect(after.get(1)).toEqual({ length: 5400, billableLength: 3600 });
    expect(store.take()).toMatchObject({ queries: 1, reads: 1 });

    await store.delete('worklogs', userPartition(ORG, 'ann'), `rollup:${TOTALS_PERIOD}`);
    const without = await readOrgWorkItemTotals(ports, ORG);
    expect(without.get(1)).toEqual({ length: 1800, billableLength: 0 });
    expect(without.has(2)).toBe(false);
  });
});
