import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { TestApi } from '../support/api-server.js';
import { csvRecords, download } from '../support/export-download.js';
import { MutableClock } from '../support/mutable-clock.js';
import { plannedWorklogsApi, worklogQueryPlans } from '../support/query-plans.js';
import { DAY, T0, at } from '../support/worklog-builder.js';

let opened: TestApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("reads an org-wide export in order from the index that holds the org's worklogs: no lookup in the table, no scan, no sort", async () => {
  dir = mkdtempSync(join(tmpdir(), 'timehub-export-plans-'));
  const { api, file, clock, queries } = await plannedWorklogsApi(dir, 150);
  opened = api;
  const admin = await api.signIn('fabrikam', 'alice');
  const db = new Database(file, { readonly: true });
  try {
    for (const filter of ['', `&from=${at(T0, -5 * DAY)}&to=${at(T0, -4 * DAY)}`, '&billable=true']) {
      queries.length = 0;
      const res = await download(api, admin, `/exports/workLogs?format=csv${filter}`);
      expect(res.status, filter).toBe(200);
      const rows = csvRecords(res.bytes);
      expect(rows.length, filter).toBeGreaterThan(100);
      const starts = rows.map((r) => r.Start!);
      expect(starts, `${filter}: oldest first`).toEqual([...starts].sort());
      expect(queries.length, filter).toBeGreaterThan(1);
      for (const plan of worklogQueryPlans(db, queries, clock.now().getTime())) {
        expect(plan, filter).toMatch(/^SEARCH documents USING COVERING INDEX documents_org_worklogs \(container=\? AND f_orgId=\?/);
        expect(plan, filter).not.toMatch(/SCAN documents|TEMP B-TREE/);
      }
    }
  } finally {
    db.close();
  }
});

it('gives a new file 8 KB pages and the covering index, and a file with 4 KB pages no such index, whose entries would spill onto overflow pages', async () => {
  dir = mkdtempSync(join(tmpdir(), 'timehub-export-pages-'));
  const clock = new MutableClock(T0);
  const old = join(dir, 'old.sqlite');
  const made = new Database(old);
  made.pragma('page_size = 4096');
  made.pragma('journal_mode = WAL');
  made.close();
  for (const [file, pageSize, indexes] of [[join(dir, 'new.sqlite'), 8192, 1], [old, 4096, 0]] as const) {
    await new SqliteDocumentStore(file, clock).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(pageSize);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'documents_org_worklogs'").pluck().get()).toBe(indexes);
    db.close();
  }
});
