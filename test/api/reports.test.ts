import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

/**
 * GET /api/reports/time over a small, known set of worklogs: bob (a Member) has three,
 * one in December, across a year's end within one ISO week; carol (team red) has one.
 */
let api: TestApi;
let world: RoleWorld;
const utc = { timeZone: 'UTC' };
const alicesId = findSeedUser('fabrikam', 'alice')!.id;

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  const add = async (call: RoleWorld['bob'], path: string, body: object) => {
    const res = await call('POST', path, body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  await add(world.bob, '/rest/workLogs', aWorklog({ ...utc, timestamp: '2024-12-30T10:00:00Z', length: 3600, billableLength: 3600, workItemId: 1, activityTypeId: 'development' }));
  await add(world.bob, '/rest/workLogs', aWorklog({ ...utc, timestamp: '2025-01-02T10:00:00Z', length: 1800, billableLength: 0, workItemId: 2, activityTypeId: 'meeting' }));
  await add(world.bob, '/rest/workLogs', aWorklog({ ...utc, timestamp: '2025-01-03T10:00:00Z', length: 600, billableLength: 300, workItemId: 1, activityTypeId: 'development' }));
  await add(world.alice, `/rest/workLogs?userId=${world.carolId}`, aWorklog({ ...utc, timestamp: '2025-01-02T12:00:00Z', length: 1200, billableLength: 1200, workItemId: 1, activityTypeId: 'development' }));
});
afterAll(() => api.close());

const report = async (call: RoleWorld['bob'], query: string) => {
  const res = await call('GET', `/reports/time?${query}`);
  return { status: res.status, data: res.body.data, code: res.body.error?.code };
};
const sums = (length: number, billableLength: number, count: number) => ({ length, billableLength, count });

describe('GET /api/reports/time: groupings and filters', () => {
  it('sums per user, with totals', async () => {
    const { status, data } = await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=user');
    expect(status).toBe(200);
    expect(data.rows).toEqual(expect.arrayContaining([{ userId: world.bobId, ...sums(6000, 3900, 3) }, { userId: world.carolId, ...sums(1200, 1200, 1) }]));
    expect(data.rows).toHaveLength(2);
    expect(data.totals).toEqual(sums(7200, 5100, 4));
  });

  it('groups by two dimensions: month and user', async () => {
    const { data } = await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=month,user');
    expect(data.rows).toEqual(expect.arrayContaining([
      { month: '2024-12', userId: world.bobId, ...sums(3600, 3600, 1) },
      { month: '2025-01', userId: world.bobId, ...sums(2400, 300, 2) },
      { month: '2025-01', userId: world.carolId, ...sums(1200, 1200, 1) },
    ]));
    expect(data.rows).toHaveLength(3);
  });

  it('gives the same months whether the range covers them whole (year rollups) or not (day rollups)', async () => {
    const whole = await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=month');
    const cut = await report(world.alice, 'from=2024-12-02&to=2025-01-30&groupBy=month');
    expect(cut.data.rows).toEqual(whole.data.rows);
  });

  it('cuts the range at its days', async () => {
    const { data } = await report(world.alice, 'from=2025-01-02&to=2025-01-02&groupBy=day');
    expect(data.rows).toEqual([{ day: '2025-01-02', ...sums(3000, 1200, 2) }]);
  });

  it('groups by ISO week, across the year end', async () => {
    const { data } = await report(world.bob, 'from=2024-12-01&to=2025-01-31&groupBy=week');
    expect(data.rows).toEqual([{ week: '2024-12-30', ...sums(6000, 3900, 3) }]);
  });

  it('filters by work item, activity type and billable flag', async () => {
    expect((await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=activityType,billable&workItems=1')).data.rows)
      .toEqual([{ activityTypeId: 'development', billable: true, ...sums(5400, 5100, 3) }]);
    expect((await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=workItem&billable=false')).data.rows)
      .toEqual([{ workItemId: 2, workItemTitle: 'Online service appointment booking', workItemType: 'Feature', ...sums(1800, 0, 1) }]);
    expect((await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=user&activityTypes=meeting')).data.totals).toEqual(sums(1800, 0, 1));
  });

  it('filters by users and by teams', async () => {
    expect((await report(world.alice, `from=2024-12-01&to=2025-01-31&groupBy=user&users=${world.carolId}`)).data.rows)
      .toEqual([{ userId: world.carolId, ...sums(1200, 1200, 1) }]);
    expect((await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=user&teams=red')).data.rows)
      .toEqual([{ userId: world.carolId, ...sums(1200, 1200, 1) }]);
  });

  it('answers an empty range with no rows and zero totals', async () => {
    expect((await report(world.alice, 'from=2023-01-01&to=2023-12-31&groupBy=month')).data).toMatchObject({ rows: [], totals: sums(0, 0, 0) });
  });
});

describe('GET /api/reports/time: role rules', () => {
  it("shows a Member their own time only, and refuses them another user's", async () => {
    expect((await report(world.bob, 'from=2024-12-01&to=2025-01-31&groupBy=user')).data.rows).toEqual([{ userId: world.bobId, ...sums(6000, 3900, 3) }]);
    expect(await report(world.bob, `from=2024-12-01&to=2025-01-31&groupBy=user&users=${world.carolId}`)).toMatchObject({ status: 403 });
  });

  it("shows a Team lead their team's time, and refuses a user outside it", async () => {
    expect((await report(world.actors.teamLead, 'from=2024-12-01&to=2025-01-31&groupBy=user')).data.rows).toEqual([{ userId: world.carolId, ...sums(1200, 1200, 1) }]);
    expect((await report(world.actors.otherTeamLead, 'from=2024-12-01&to=2025-01-31&groupBy=user')).data.rows).toEqual([]);
    expect(await report(world.actors.teamLead, `from=2024-12-01&to=2025-01-31&groupBy=user&users=${world.bobId}`)).toMatchObject({ status: 403 });
  });

  it("shows managers everyone's time", async () => {
    for (const manager of [world.actors.productManager, world.actors.budgetManager]) {
      expect((await report(manager, 'from=2024-12-01&to=2025-01-31&groupBy=user')).data.totals).toEqual(sums(7200, 5100, 4));
    }
  });

  it('refuses a user with no role', async () => {
    expect((await report(world.actors.none, 'from=2024-12-01&to=2025-01-31&groupBy=user')).status).toBe(403);
  });
});

describe('GET /api/reports/time: refusals', () => {
  it.each([
    ['a range over 366 days', 'from=2024-01-01&to=2025-01-02&groupBy=month'],
    ['from after to', 'from=2025-02-01&to=2025-01-01&groupBy=month'],
    ['three groupings', 'from=2025-01-01&to=2025-01-31&groupBy=user,day,month'],
    ['an unknown grouping', 'from=2025-01-01&to=2025-01-31&groupBy=project'],
    ['a grouping named twice', 'from=2025-01-01&to=2025-01-31&groupBy=day,day'],
    ['no grouping', 'from=2025-01-01&to=2025-01-31'],
    ['work items that are no ids', 'from=2025-01-01&to=2025-01-31&groupBy=user&workItems=1,x'],
    ['a billable flag that is no boolean', 'from=2025-01-01&to=2025-01-31&groupBy=user&billable=yes'],
    ['an unknown parameter', 'from=2025-01-01&to=2025-01-31&groupBy=user&project=1'],
  ])('refuses %s with 400', async (_name, query) => {
    expect(await report(world.alice, query)).toMatchObject({ status: 400, code: 'request.invalid' });
  });

  it('accepts a whole leap year', async () => {
    expect((await report(world.alice, 'from=2024-01-01&to=2024-12-31&groupBy=month')).status).toBe(200);
  });
});

describe('POST /api/admin/rollups/recount', () => {
  it("rewrites a user's rollups from their worklogs, for Administrators only", async () => {
    const res = await world.alice('POST', '/admin/rollups/recount', { userId: world.bobId });
    expect(res.body.data).toEqual({ userId: world.bobId, worklogsCounted: 3 });
    expect((await report(world.alice, 'from=2024-12-01&to=2025-01-31&groupBy=user')).data.totals).toEqual(sums(7200, 5100, 4));
    expect((await world.bob('POST', '/admin/rollups/recount', { userId: world.bobId })).status).toBe(403);
    expect((await world.alice('POST', '/admin/rollups/recount', { userId: 'nobody' })).status).toBe(404);
    expect((await world.alice('POST', '/admin/rollups/recount', { userId: alicesId })).body.data.worklogsCounted).toBe(0);
  });
});
