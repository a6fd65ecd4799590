import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { DAY, MINUTE, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * 7pace's v3.3-beta `…WithDeleted` sets over deletes kept as tombstones: bob has 1,200
 * worklogs and deletes every fourth, half an hour after writing them.
 */
const COUNT = 1_200;
let api: TestApi;
let world: RoleWorld;
let deleted: string[];
const deletedAt = at(T0, 30 * MINUTE);

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  const worklogs = consecutiveWorklogs(COUNT, at(T0, -10 * DAY), 60).map((w) => ({ ...w, timeZone: 'UTC' }));
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i += 500) {
    const res = await world.bob('POST', '/rest/workLogs/batch', worklogs.slice(i, i + 500));
    ids.push(...(res.body.data as { id: string }[]).map((w) => w.id));
  }
  api.clock.set(new Date(deletedAt));
  deleted = ids.filter((_, i) => i % 4 === 0);
  for (const id of deleted) expect((await world.bob('DELETE', `/rest/workLogs/${id}`)).status).toBe(200);
}, 120_000);
afterAll(() => api.close());

const get = async (path: string) => {
  const res = await fetch(path.startsWith('http') ? path : `${api.url}/api/odata${path}`, { headers: { authorization: `Bearer ${world.tokens.member}` } });
  return { status: res.status, body: (await res.json()) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.count'?: number; error?: { message: string } } };
};

describe('deleted worklogs in the …WithDeleted sets', () => {
  it('pages through live and deleted worklogs alike, each once, the deleted ones marked', async () => {
    const rows: Record<string, unknown>[] = [];
    let next: string | undefined = '/v3.3-beta/workLogsOnlyWithDeleted?$count=true';
    let first = true;
    while (next) {
      const page = await get(next);
      expect(page.status).toBe(200);
      if (first) expect(page.body['@odata.count']).toBe(COUNT);
      first = false;
      rows.push(...page.body.value);
      next = page.body['@odata.nextLink'];
    }
    expect(new Set(rows.map((r) => r.Id)).size).toBe(COUNT);
    const gone = rows.filter((r) => r.IsDeleted === true);
    expect(gone.map((r) => r.Id).sort()).toEqual([...deleted].sort());
    expect(gone.every((r) => r.EditedTimestamp === deletedAt)).toBe(true);
    const starts = rows.map((r) => String(r.Timestamp));
    expect(starts).toEqual([...starts].sort());
  });

  it('answers what changed since a refresh, deletes included (incremental refresh)', async () => {
    const since = encodeURIComponent(`EditedTimestamp ge ${at(T0, 15 * MINUTE)}`);
    const { body } = await get(`/v3.3-beta/workLogsWorkItemsWithDeleted?$filter=${since}&$select=Id,IsDeleted,WorkItem/System_Id`);
    expect(body.value).toHaveLength(deleted.length);
    expect(body.value.every((r) => r.IsDeleted === true)).toBe(true);
  });

  it('keeps deleted worklogs out of workLogsOnly, the REST list and the totals', async () => {
    const live = await get('/v3.2/workLogsOnly?$count=true&$top=0');
    expect(live.body['@odata.count']).toBe(COUNT - deleted.length);
    const sums = await get(`/v3.2/workLogsOnly?$apply=${encodeURIComponent('aggregate(PeriodLength with sum as S,$count as N)')}`);
    expect(sums.body.value).toEqual([{ S: (COUNT - deleted.length) * 60, N: COUNT - deleted.length }]);
    const rest = await world.bob('GET', `/rest/workLogs/${deleted[0]}`);
    expect(rest.status).toBe(404);
  });

  it('serves the sets in v3.3-beta only, as 7pace does', async () => {
    const older = await get('/v3.2/workLogsOnlyWithDeleted');
    expect(older.status).toBe(404);
    expect(older.body.error?.message).toMatch(/v3\.3-beta/);
    const service = await get('/v3.3-beta/');
    expect(service.body.value.map((s) => s.name)).toContain('workLogsOnlyWithDeleted');
    expect((await get('/v3.2/')).body.value.map((s) => s.name)).not.toContain('workLogsOnlyWithDeleted');
  });
});
