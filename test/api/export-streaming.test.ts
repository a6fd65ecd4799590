import azure from '@azure/functions';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { EXPORT_PAGE } from '../../shared/exports/read-worklog-batches.js';
import { createAzureHttpHandler } from '../../shared/http/azure-host.js';
import { routes } from '../../shared/http/routes/index.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { csvRecords, download } from '../support/export-download.js';
import { GatedStore } from '../support/gated-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { consecutiveWorklogs } from '../support/worklog-builder.js';

const PAGES = 4;
const clock = new MutableClock(new Date('2026-01-01T00:00:00Z'));
const store = new GatedStore(new SqliteDocumentStore(':memory:', clock));
const lines: string[] = [];
const waiters: { pattern: RegExp; resolve: () => void }[] = [];
let api: TestApi;
let token: string;

/** Resolves once the local host logged a line matching `pattern` (or already had). */
function logged(pattern: RegExp) {
  return new Promise<void>((resolve) => (lines.some((l) => pattern.test(l)) ? resolve() : waiters.push({ pattern, resolve })));
}

beforeAll(async () => {
  const log = (line: string) => {
    lines.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) w.resolve();
  };
  api = await startTestApi({ store, clock, log });
  token = await api.signIn('fabrikam', 'bob');
  const total = PAGES * EXPORT_PAGE;
  for (let b = 0; b * 500 < total; b++) {
    const res = await fetch(`${api.url}/api/rest/workLogs/batch`, {
      method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(consecutiveWorklogs(Math.min(500, total - b * 500), `2025-0${1 + b % 8}-0${1 + Math.floor(b / 8)}T00:00:00Z`, 60)),
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(() => api.close());

describe('a streamed export', () => {
  it(`reads its ${PAGES * EXPORT_PAGE} worklogs page by page`, async () => {
    const before = store.worklogQueries;
    const res = await download(api, token, '/exports/workLogs?format=csv');
    expect(csvRecords(res.bytes)).toHaveLength(PAGES * EXPORT_PAGE);
    expect(store.worklogQueries - before).toBe(PAGES);
  });

  it('looks up a work item\'s title once per export, on the page that first names it', async () => {
    const lookups = vi.spyOn(store, 'query');
    const res = await download(api, token, '/exports/workLogs?format=csv');
    const rows = csvRecords(res.bytes);
    const titleReads = lookups.mock.calls.filter(([container, query]) => container === 'orgs' && query.where?.some((w) => w.value === 'workItem'));
    lookups.mockRestore();
    expect(rows.every((row) => row['Work item title'] === 'Fiber customer self-service portal' && row['Work item type'] === 'Epic')).toBe(true);
    // Every page names the same epic: the first page looks it up, the other three reuse it.
    expect(titleReads).toHaveLength(1);
  });

  it('stops reading when the client goes away mid-stream', async () => {
    const before = store.worklogQueries;
    const second = store.holdQuery(2);
    const url = new URL(`${api.url}/api/exports/workLogs?format=csv`);
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end();
    });
    await logged(/exports\/workLogs\?format=csv 200 the client went away mid-stream/);
    const atAbort = store.worklogQueries - before;
    second.release();
    await logged(/200 stopped: the client went away after \d+ bytes/);
    // The first page, and at most the second, which was already asked for when the client left.
    expect(atAbort).toBeLessThanOrEqual(2);
    expect(store.worklogQueries - before).toBe(atAbort);
  });

  it('answers a failure of the first read as the JSON error envelope', async () => {
    store.failQuery(1);
    const res = await download(api, token, '/exports/workLogs?format=xlsx');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.error?.code).toBe('internal');
  });

  it('cuts the download when a later read fails, so that no truncated file looks complete', async () => {
    store.failQuery(2);
    // The first page is small: the cut can reach the client with the headers, and then fetch itself fails.
    const body = fetch(`${api.url}/api/exports/workLogs?format=csv`, { headers: { authorization: `Bearer ${token}` } }).then((res) => {
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    });
    await expect(body).rejects.toThrow(/fetch failed|terminated|other side closed/);
  });

  it('streams through the Azure Functions handler too', async () => {
    const handler = createAzureHttpHandler(async () => api.app, routes);
    const res = await handler(
      new azure.HttpRequest({ method: 'GET', url: `https://fabrikam.timehub.example.com/api/exports/workLogs?format=csv`, headers: { authorization: `Bearer ${token}` } }),
      new azure.InvocationContext({ functionName: 'test', invocationId: 'inv-1' }),
    );
    expect(res.status).toBe(200);
    expect((res.headers as Record<string, string>)['content-disposition']).toContain('attachment');
    const bytes = Buffer.from(await new Response(res.body as ReadableStream).arrayBuffer());
    expect(csvRecords(bytes)).toHaveLength(PAGES * EXPORT_PAGE);
  });
});
