import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { TestApi } from '../support/api-server.js';
import { toSql } from '../../shared/adapters/sqlite/sqlite-query.js';
import { intentPartsQuery } from '../../shared/worklogs/settle-readers.js';
import { MutableClock } from '../support/mutable-clock.js';
import { plannedWorklogsApi, worklogQueryPlans } from '../support/query-plans.js';
import { DAY, T0, at } from '../support/worklog-builder.js';

let opened: TestApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('serves every continued worklog list page by seeking an index to its key: no table scan, no sort', async () => {
  dir = mkdtempSync(join(tmpdir(), 'timehub-plans-'));
  const { api, file, clock, queries } = await plannedWorklogsApi(dir, 200);
  opened = api;
  const bob = await api.signIn('fabrikam', 'bob');
  const alice = await api.signIn('fabrikam', 'alice');
  const range = `$fromTimestamp=${at(T0, -4 * DAY)}&$toTimestamp=${at(T0, -DAY)}&$workItemIds=1,2`;
  const pages: [string, string][] = [
    [bob, '/rest/workLogs?$count=50'],
    [bob, `/rest/workLogs?$count=50&${range}`],
    [alice, '/rest/workLogs/all?$count=50'],
    [alice, `/rest/workLogs/all?$count=50&${range}`],
  ];
  for (const [bearer, path] of pages) {
    const first = await fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    const token = first.headers.get('x-continuation-token');
    expect(first.status, path).toBe(200);
    expect(token, path).toBeTruthy();
    queries.length = 0;
    expect((await fetch(`${api.url}/api${path}&$skip=10&$continuationToken=${token}`, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(200);
    expect(queries.length, path).toBeGreaterThan(0);

    const db = new Database(file, { readonly: true });
    for (const plan of worklogQueryPlans(db, queries, clock.now().getTime())) {
      // Seeks to the page's key: past the partition (pk), or the org (orgId) in an index that holds the worklogs themselves.
      expect(plan, path).toMatch(/^SEARCH documents USING (INDEX documents_timestamp \(container=\? AND pk=\? AND f_timestamp|COVERING INDEX documents_org_worklogs \(container=\? AND f_orgId=\? AND f_timestamp)/);
      expect(plan, path).not.toMatch(/SCAN documents|TEMP B-TREE/);
    }
    db.close();
  }
});

it('finds the commits a crash left half applied, before an org-wide read, by seeking the index on (org, type)', async () => {
  dir = mkdtempSync(join(tmpdir(), 'timehub-plans-'));
  const file = join(dir, 'store.sqlite');
  await new SqliteDocumentStore(file, new MutableClock(T0)).close();
  const db = new Database(file, { readonly: true });
  const { sql, params } = toSql('worklogs', intentPartsQuery('org'), 0);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
  db.close();
  expect(plan).toMatch(/^SEARCH documents USING INDEX documents_org_type_period \(container=\? AND f_orgId=\? AND f_type=\?\)$/);
});
