import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CountingStore } from '../../bench/counting-store.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { at, consecutiveWorklogs, DAY, SECOND, T0 } from '../support/worklog-builder.js';

/** 7PACE-API.md §1, rate limits: 429 with Retry-After per user, held in the store across instances. */
const open: TestApi[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const api of open.splice(0)) await api.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const atSecond10 = () => new MutableClock('2025-01-06T09:00:10Z');

describe('the per-user rate limit', () => {
  it('answers 429 with Retry-After and 7pace\'s fields.retryAfter once a minute\'s budget is spent, and serves again the next minute', async () => {
    const clock = atSecond10();
    const api = await startTestApi({ clock, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    open.push(api);
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await bob('GET', '/tracking/client/current')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await fetch(`${api.url}/api/rest/me`, { headers: { authorization: `Bearer ${await api.signIn('fabrikam', 'bob')}` } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    expect(await refused.json()).toMatchObject({ error: { statusCode: 429, errorCode: 'QuoteExceededError', fields: { retryAfter: '50' } } });
    // Another user has a budget of their own.
    expect((await client(api, await api.signIn('fabrikam', 'carol'))('GET', '/rest/me')).status).toBe(200);
    clock.advance(50 * SECOND);
    expect((await bob('GET', '/rest/me')).status).toBe(200);
  });

  it('charges a tenth for each page after the first, so that a long refresh through nextLinks is not cut off', async () => {
    const clock = atSecond10();
    const api = await startTestApi({ clock, env: { RATE_LIMIT_PER_MINUTE: '3' } });
    open.push(api);
    const session = await api.signIn('fabrikam', 'bob');
    const bob = client(api, session);
    expect((await bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(30, at(T0, -DAY)))).status).toBe(201);
    const page = (token?: string) => fetch(`${api.url}/api/rest/workLogs?$count=2${token ? `&$continuationToken=${encodeURIComponent(token)}` : ''}`, { headers: { authorization: `Bearer ${session}` } });
    // Two whole requests spent (the batch and the first page): 10 further pages fit in the minute's 3.
    let res = await page();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const token = res.headers.get('x-continuation-token') ?? undefined;
      expect(token).toBeTruthy();
      res = await page(token);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect((await bob('GET', '/rest/me')).status).toBe(429);
    clock.advance(50 * SECOND);
    expect((await bob('GET', '/rest/me')).status).toBe(200);
  });

  it('holds across instances: two instances over one store share one budget', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timehub-rate-'));
    dirs.push(dataDir);
    const clock = atSecond10();
    const env = { RATE_LIMIT_PER_MINUTE: '10' };
    const [a, b] = [await startTestApi({ dataDir, clock, env }), await startTestApi({ dataDir, clock, env })];
    open.push(a!, b!);
    const token = await a!.signIn('fabrikam', 'bob');
    const [onA, onB] = [client(a!, token), client(b!, token)];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await (i % 2 ? onB : onA)('GET', '/rest/me')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('costs the hot path nothing between flushes: one read and one write per 60 requests at the default 600 a minute', async () => {
    const clock = atSecond10();
    const store = new CountingStore(new SqliteDocumentStore(':memory:', clock));
    const api = await startTestApi({ store, clock, env: { RATE_LIMIT_PER_MINUTE: '600' } });
    open.push(api);
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    for (let i = 0; i < 10; i++) await bob('GET', '/tracking/client/current');
    store.take();
    for (let i = 0; i < 60; i++) await bob('GET', '/tracking/client/current');
    // 60 polls: one user-state read each, plus the limiter's read and write of its minute document.
    expect(store.take()).toMatchObject({ reads: 61, writes: 1, queries: 0 });
  });
});
