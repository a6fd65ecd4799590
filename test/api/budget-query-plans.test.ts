import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { toSql } from '../../shared/adapters/sqlite/sqlite-query.js';
import { migrateSchema } from '../../shared/adapters/sqlite/sqlite-schema.js';
import { readOrgWorkItemTotals } from '../../shared/budgets/work-item-totals.js';
import type { ContainerName, DocumentStore, Query } from '../../shared/ports/document-store.js';
import { readChildren } from '../../shared/work-items/work-item-docs.js';
import { readWorkItemWorklogs, type WorklogKey } from '../../shared/odata/expand-worklogs.js';

/** The queries a use case sends, as the SQLite adapter would run them, and how SQLite plans them. */
async function plansOf(run: (store: DocumentStore) => Promise<unknown>) {
  const queries: [ContainerName, Query][] = [];
  const store = { query: async (container: ContainerName, query: Query) => (queries.push([container, query]), []) } as unknown as DocumentStore;
  await run(store);
  const db = new Database(':memory:');
  migrateSchema(db);
  const plans = queries.map(([container, query]) => {
    const { sql, params } = toSql(container, query, 0);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  });
  db.close();
  return { queries, plans };
}

it("lists an org's all-time rollups by seeking the index on (org, type, period), reading keys and ETags only", async () => {
  const { queries, plans } = await plansOf((store) => readOrgWorkItemTotals({ store, directory: {} as never }, 'org'));
  expect(queries[0]![1].select).toEqual([]);
  expect(plans[0]![0]).toMatch(/^SEARCH documents USING INDEX documents_org_type_period \(container=\? AND f_orgId=\? AND f_type=\? AND f_period=\?\)/);
});

it('reads the children of cached work items by seeking the index on their parent: no scan of the cache', async () => {
  const { plans } = await plansOf((store) => readChildren(store, 'org', [1, 2, 3]));
  expect(plans[0]![0]).toMatch(/^SEARCH documents USING INDEX documents_item_parent \(container=\? AND pk=\? AND f_itemParentId=\?\)/);
});

it("reads a work item's worklogs for OData's expansions by seeking the index on (org, work item, timestamp): no scan, no sort", async () => {
  const reach = { userIds: ['bob'], empty: false };
  const caller = { orgId: 'org', orgName: 'fabrikam' } as never;
  const ports = { store: {} } as never;
  for (const ids of [[10], [10, 13, 15]]) {
    for (const after of [undefined, [10, '2026-01-01T00:00:00Z', 'x'] as WorklogKey]) {
      const { plans } = await plansOf((store) => readWorkItemWorklogs({ ...(ports as object), store } as never, caller, reach, ids, { want: 100, ...(after ? { after } : {}) }).catch(() => undefined));
      const plan = plans.find((p) => p.join('\n').includes('documents_org_work_item'))!.join('\n');
      expect(plan).toMatch(/^SEARCH documents USING INDEX documents_org_work_item \(container=\? AND f_orgId=\? AND f_workItemId=\?\)/);
      expect(plan).not.toMatch(/SCAN documents|TEMP B-TREE/);
    }
  }
});
