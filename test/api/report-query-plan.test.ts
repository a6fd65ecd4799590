import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { toSql } from '../../shared/adapters/sqlite/sqlite-query.js';
import { migrateSchema } from '../../shared/adapters/sqlite/sqlite-schema.js';
import { readRollupCells } from '../../shared/reports/read-rollup-cells.js';
import type { ContainerName, DocumentStore, Query } from '../../shared/ports/document-store.js';

/** The queries a report sends, as the SQLite adapter would run them. */
async function reportQueries(userIds: string[] | undefined, totalsOnly = false) {
  const queries: Query[] = [];
  const store = { query: async (_container: ContainerName, query: Query) => (queries.push(query), []) } as unknown as DocumentStore;
  await readRollupCells(store, { orgId: 'org', userIds, from: '2025-01-01', to: '2025-12-31', needsDays: false, totalsOnly });
  return queries;
}

it("reads an org's rollups by seeking the index on (org, type, period): no scan of the worklogs", async () => {
  const db = new Database(':memory:');
  migrateSchema(db);
  for (const [users, totalsOnly] of [[undefined, false], [['a', 'b'], false], [undefined, true]] as const) {
    const [query] = await reportQueries(users ? [...users] : undefined, totalsOnly);
    const { sql, params } = toSql('worklogs', query!, 0);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    expect(plan[0]).toMatch(/^SEARCH documents USING INDEX documents_org_type_period \(container=\? AND f_orgId=\? AND f_type=\? AND f_period=\?\)/);
  }
  db.close();
});
