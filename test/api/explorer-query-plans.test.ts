import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { Query } from '../../shared/ports/document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { recordingWorklogQueries, worklogQueryPlans } from '../support/query-plans.js';
import { DAY, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

let api: TestApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('serves every continued Times Explorer page, either sort order, by seeking a timestamp index: no table scan, no sort', async () => {
  dir = mkdtempSync(join(tmpdir(), 'timehub-explorer-plans-'));
  const file = join(dir, 'store.sqlite');
  const clock = new MutableClock(T0);
  const queries: Query[] = [];
  api = await startTestApi({ clock, store: recordingWorklogQueries(new SqliteDocumentStore(file, clock), queries) });
  const calls = {} as Record<'alice' | 'bob', ReturnType<typeof client>>;
  for (const user of ['alice', 'bob'] as const) {
    calls[user] = client(api, await api.signIn('fabrikam', user));
    expect((await calls[user]('POST', '/rest/workLogs/batch', consecutiveWorklogs(200, at(T0, -5 * DAY), 600))).status).toBe(201);
  }
  const bobId = (await calls.bob('GET', '/rest/me')).body.data.user.id as string;
  const range = `from=${at(T0, -4 * DAY)}&to=${at(T0, -DAY)}`;
  const pages: [ReturnType<typeof client>, string][] = [];
  for (const sort of ['timestamp', '-timestamp']) {
    pages.push([calls.bob, `sort=${sort}&$count=50`], [calls.bob, `sort=${sort}&$count=50&${range}&billable=true&workItemIds=1,2`]);
    pages.push([calls.alice, `sort=${sort}&$count=50`], [calls.alice, `sort=${sort}&$count=50&${range}&edited=false&userIds=${bobId},x`]);
  }
  const db = new Database(file, { readonly: true });
  try {
    for (const [as, query] of pages) {
      const first = await as('GET', `/explorer/workLogs?${query}`);
      expect(first.status, query).toBe(200);
      expect(first.body.data.continuationToken, query).toBeTruthy();
      queries.length = 0;
      expect((await as('GET', `/explorer/workLogs?${query}&$continuationToken=${first.body.data.continuationToken}`)).status).toBe(200);
      expect(queries.length, query).toBeGreaterThan(0);
      for (const plan of worklogQueryPlans(db, queries, clock.now().getTime())) {
        expect(plan, query).toMatch(/^SEARCH documents USING (INDEX documents_timestamp \(container=\? AND pk=\? AND f_timestamp|COVERING INDEX documents_org_worklogs \(container=\? AND f_orgId=\? AND f_timestamp)/);
        expect(plan, query).not.toMatch(/SCAN documents|TEMP B-TREE/);
      }
    }
  } finally {
    db.close();
  }
});
