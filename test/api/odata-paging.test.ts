import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { ContainerName, DocumentStore, Query } from '../../shared/ports/document-store.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { DAY, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * Server-driven paging of the feed over 2,300 of bob's worklogs (every third commented
 * "x"), and a year's aggregate that must come from rollups: the store's queries are watched.
 */
const COUNT = 2_300;
let api: TestApi;
let world: RoleWorld;
const worklogQueries: Query[] = [];

/** The SQLite store, noting every query that reads worklogs (rather than rollups or settings). */
function watchedStore(clock: MutableClock): DocumentStore {
  const store = new SqliteDocumentStore(':memory:', clock);
  const query = store.query.bind(store);
  store.query = (async (container: ContainerName, q: Query) => {
    if (q.where?.some((c) => c.field === 'type' && c.op === '=' && c.value === 'worklog')) worklogQueries.push(q);
    return query(container, q);
  }) as DocumentStore['query'];
  return store;
}

beforeAll(async () => {
  const clock = new MutableClock(T0);
  api = await startTestApi({ clock, store: watchedStore(clock) });
  world = await buildRoleWorld(api);
  const start = at(T0, -30 * DAY);
  const all = consecutiveWorklogs(COUNT, start, 60).map((w, i) => ({ ...w, timeZone: 'UTC', ...(i % 3 === 0 ? { comment: 'x' } : {}) }));
  for (let i = 0; i < all.length; i += 500) {
    const res = await world.bob('POST', '/rest/workLogs/batch', all.slice(i, i + 500));
    if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body).slice(0, 300));
  }
}, 60_000);
afterAll(() => api.close());

const get = async (token: string, url: string) => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { value: { Id: string }[]; '@odata.nextLink'?: string; error?: { code: string } } };
};

/** Follows @odata.nextLink to the end, as Power BI does; returns the size of each page. */
async function readAll(token: string, first: string, between?: () => Promise<void>) {
  const pages: number[] = [];
  const ids: string[] = [];
  let url: string | undefined = `${api.url}/api/odata/v3.2/workLogsOnly${first}`;
  while (url) {
    const { status, body } = await get(token, url);
    expect(status).toBe(200);
    pages.push(body.value.length);
    ids.push(...body.value.map((r) => r.Id));
    url = body['@odata.nextLink'];
    if (url) await between?.();
  }
  return { pages, ids };
}

describe('server-driven paging by keyset', () => {
  it('answers 1,000 worklogs a page with @odata.nextLink, each worklog once, in start order', async () => {
    const { pages, ids } = await readAll(world.tokens.member, '');
    expect(pages).toEqual([1000, 1000, 300]);
    expect(new Set(ids).size).toBe(COUNT);
  });

  it('goes on from its position, not an offset: a worklog added before it shifts nothing', async () => {
    let added = false;
    const { ids } = await readAll(world.tokens.member, '', async () => {
      if (added) return;
      added = true;
      const res = await world.bob('POST', '/rest/workLogs', { timestamp: at(T0, -40 * DAY), length: 60, workItemId: 1, timeZone: 'UTC' });
      expect(res.status).toBe(201);
    });
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
  });

  it('pages a filter no index serves in bounded steps and loses nothing', async () => {
    const { pages, ids } = await readAll(world.tokens.member, `?$filter=${encodeURIComponent("Comment eq 'x' and Timestamp lt " + at(T0, -10 * DAY))}`);
    expect(ids).toHaveLength(Math.ceil(COUNT / 3));
    expect(Math.max(...pages)).toBeLessThanOrEqual(1000);
  });

  it('carries $top across pages and ends there', async () => {
    const { pages } = await readAll(world.tokens.member, '?$top=1500&$select=Id');
    expect(pages).toEqual([1000, 500]);
  });

  it('refuses a $skiptoken that was changed or comes from another query', async () => {
    const first = await get(world.tokens.member, `${api.url}/api/odata/v3.2/workLogsOnly`);
    const next = new URL(first.body['@odata.nextLink']!);
    next.searchParams.set('$filter', 'PeriodLength gt 0');
    const replayed = await get(world.tokens.member, next.toString());
    expect(replayed.status).toBe(400);
    expect(replayed.body.error?.code).toBe('request.invalid_continuation_token');
  });
});

describe('aggregates from rollups', () => {
  it("sums a year by user and month, and counts it, without reading one worklog", async () => {
    worklogQueries.length = 0;
    const base = `${api.url}/api/odata/v3.2/workLogsOnly`;
    const apply = encodeURIComponent('filter(Timestamp ge 2024-01-01 and Timestamp lt 2025-01-01)/groupby((User/Name,WorklogDate/Month),aggregate(PeriodLength with sum as Seconds,$count as Logs))');
    const year = await get(world.tokens.collectionAdmin, `${base}?$apply=${apply}`);
    expect(year.status).toBe(200);
    const rows = year.body.value as unknown as { WorklogDate: { Month: number }; Seconds: number; Logs: number }[];
    expect(rows.reduce((sum, r) => sum + r.Logs, 0)).toBe(COUNT + 1);
    expect(rows.reduce((sum, r) => sum + r.Seconds, 0)).toBe((COUNT + 1) * 60);
    const counted = await get(world.tokens.collectionAdmin, `${base}?$count=true&$top=0&$filter=${encodeURIComponent('Timestamp ge 2024-12-01')}`);
    // The worklog added in November falls before this bound.
    expect((counted.body as unknown as { '@odata.count': number })['@odata.count']).toBe(COUNT);
    expect(worklogQueries).toEqual([]);
  });

  it('gives the same sums from rollups as from the worklogs themselves', async () => {
    const base = `${api.url}/api/odata/v3.2/workLogsOnly`;
    const byRollups = await get(world.tokens.collectionAdmin, `${base}?$apply=${encodeURIComponent('groupby((IsBillable,WorklogDate/ShortDate),aggregate(PeriodLength with sum as S))')}`);
    // A filter on PeriodLength is no rollup key: these sums come from reading the worklogs.
    const byScan = await get(world.tokens.collectionAdmin, `${base}?$apply=${encodeURIComponent('filter(PeriodLength gt 0)/groupby((IsBillable,WorklogDate/ShortDate),aggregate(PeriodLength with sum as S))')}`);
    expect(byScan.body.value).toEqual(byRollups.body.value);
    expect(byRollups.body.value.length).toBeGreaterThan(1);
  });
});
