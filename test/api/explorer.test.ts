import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCAN_HORIZON } from '../../shared/worklogs/worklog-pages.js';
import { startTestApi, type client, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { DAY, HOUR, MINUTE, SECOND, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

type Call = ReturnType<typeof client>;
interface Row { id: string; timestamp: string; userId: string; workItemId: number | null; flags: Record<string, boolean>; activityType: { id: string } | null }

let api: TestApi;
let world: RoleWorld;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
});
afterEach(() => api.close());

/** Every page of a query, following continuationToken to the end. */
async function walk(as: Call, query: string) {
  const visited: Row[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const res = await as('GET', `/explorer/workLogs?${query}${token ? `&$continuationToken=${token}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    visited.push(...res.body.data.items);
    token = res.body.data.continuationToken;
    pages++;
  } while (token);
  return { visited, pages };
}

const ids = (rows: Row[]) => rows.map((r) => r.id);
const RANGE = `from=${at(T0, -2 * DAY)}&to=${T0}`;

/** Bob's and carol's day: varied work items, activity types and billable flags; one of bob's edited. */
async function someTime() {
  const { bob, alice, carolId } = world;
  const bobs = consecutiveWorklogs(12, at(T0, -DAY), 1800).map((w, i) => ({
    ...w, workItemId: (i % 3) + 1, activityTypeId: i % 2 ? 'testing' : 'meeting', billableLength: i % 4 === 0 ? 0 : 1800,
  }));
  expect((await bob('POST', '/rest/workLogs/batch', bobs)).status).toBe(201);
  const carols = consecutiveWorklogs(8, at(T0, -DAY + 15 * MINUTE), 1800, { workItemId: 2 });
  expect((await alice('POST', `/rest/workLogs/batch?userId=${carolId}`, carols)).status).toBe(201);
  // 7pace's $fromTimestamp is strict (after): a second earlier finds the first worklog.
  const [first] = (await bob('GET', `/rest/workLogs?$count=1&$fromTimestamp=${at(T0, -DAY - SECOND)}`)).body.data;
  expect((await bob('PATCH', `/rest/workLogs/${first.id}`, { comment: 'fixed' })).status).toBe(200);
}

describe('Times Explorer grid', () => {
  it('pages everyone\'s worklogs oldest first and newest first, visiting each once, with names for the grid', async () => {
    await someTime();
    const up = await walk(world.alice, `${RANGE}&$count=7`);
    expect(up.visited).toHaveLength(20);
    expect(up.pages).toBe(3);
    expect(new Set(ids(up.visited)).size).toBe(20);
    const keys = up.visited.map((r) => `${r.timestamp} ${r.id}`);
    expect(keys).toEqual([...keys].sort());
    const down = await walk(world.alice, `${RANGE}&$count=6&sort=-timestamp`);
    expect(ids(down.visited)).toEqual(ids(up.visited).reverse());
    expect(up.visited[0]).toMatchObject({
      user: { name: 'Bob Brandt' }, workItem: { id: 1, title: 'Fiber customer self-service portal' },
      activityType: { id: 'meeting', name: 'Meeting' }, flags: { isBillable: false, isManuallyEntered: true, isTracked: false, isChanged: true },
    });
  });

  it('keeps both ends of the date range on every page, either way', async () => {
    await someTime();
    const window = `from=${at(T0, -DAY + 2 * HOUR)}&to=${at(T0, -DAY + 5 * HOUR)}`;
    const up = (await walk(world.alice, `${window}&$count=2`)).visited;
    expect(up.map((r) => r.timestamp).every((t) => t >= at(T0, -DAY + 2 * HOUR) && t < at(T0, -DAY + 5 * HOUR))).toBe(true);
    expect(up).toHaveLength(10);
    for (const as of [world.alice, world.bob]) {
      const mine = as === world.bob ? up.filter((r) => r.userId === world.bobId) : up;
      expect(ids((await walk(as, `${window}&$count=2&sort=-timestamp`)).visited)).toEqual(ids(mine).reverse());
    }
  });

  it('filters by users, work items, activity types, billable, tracked and edited', async () => {
    await someTime();
    const count = async (filter: string) => (await walk(world.alice, `${RANGE}&${filter}`)).visited;
    expect(await count(`userIds=${world.carolId}`)).toHaveLength(8);
    expect((await count(`userIds=${world.carolId},${world.bobId}&workItemIds=2`)).map((r) => r.workItemId)).toEqual(Array(12).fill(2));
    expect(await count('workItemIds=1,3')).toHaveLength(8);
    expect(await count('activityTypeIds=testing')).toHaveLength(6);
    expect(await count('billable=false')).toHaveLength(3);
    expect(await count(`billable=true&userIds=${world.bobId}`)).toHaveLength(9);
    expect(await count('edited=true')).toHaveLength(1);
    expect(await count('edited=false')).toHaveLength(19);
    expect(await count('tracked=true')).toHaveLength(0);
    expect(await count('tracked=false')).toHaveLength(20);
    expect(await count(`from=${at(T0, -DAY + 2 * HOUR)}&to=${at(T0, -DAY + 3 * HOUR)}`)).toHaveLength(4);
  });

  it('tells tracked time from time entered by hand', async () => {
    await someTime();
    expect((await world.carol('POST', '/tracking/client/startTracking', { workItemId: 3 })).status).toBe(200);
    api.clock.advance(10 * MINUTE);
    expect((await world.carol('POST', '/tracking/client/stopTracking')).status).toBe(200);
    const until = `from=${at(T0, -2 * DAY)}&to=${at(T0, HOUR)}`;
    const tracked = (await walk(world.alice, `${until}&tracked=true`)).visited;
    expect(tracked.map((r) => [r.userId, r.workItemId, r.flags.isTracked])).toEqual([[world.carolId, 3, true]]);
    expect((await walk(world.actors.teamLead, `${until}&tracked=false&userIds=${world.carolId}`)).visited).toHaveLength(8);
  });

  it('shows members their own time, team leads their teams\', managers and admins everyone\'s', async () => {
    await someTime();
    const { actors, carolId, bobId } = world;
    const usersSeen = async (as: Call) => new Set((await walk(as, RANGE)).visited.map((r) => r.userId));
    expect(await usersSeen(world.bob)).toEqual(new Set([bobId]));
    expect(await usersSeen(actors.teamLead)).toEqual(new Set([carolId]));
    expect(await usersSeen(actors.otherTeamLead)).toEqual(new Set());
    expect(await usersSeen(actors.productManager)).toEqual(new Set([bobId, carolId]));
    const refused = await world.bob('GET', `/explorer/workLogs?userIds=${carolId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('Team lead');
    expect((await actors.teamLead('GET', `/explorer/workLogs?userIds=${bobId}`)).status).toBe(403);
    expect((await actors.none('GET', '/explorer/workLogs')).status).toBe(403);
  });

  it('refuses a token sent back with another sort or filter', async () => {
    await someTime();
    const first = await world.alice('GET', `/explorer/workLogs?${RANGE}&$count=5`);
    const token = first.body.data.continuationToken;
    const res = await world.alice('GET', `/explorer/workLogs?${RANGE}&$count=5&sort=-timestamp&$continuationToken=${token}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('request.invalid_continuation_token');
  });

  it('with a rare filter, each page reads a bounded stretch and newest-first paging still finds every match once', async () => {
    const all = consecutiveWorklogs(2 * SCAN_HORIZON, at(T0, -10 * DAY)).map((w, i) => ({ ...w, billableLength: i % 700 === 699 ? 0 : 60 }));
    for (let i = 0; i < all.length; i += 500) expect((await world.bob('POST', '/rest/workLogs/batch', all.slice(i, i + 500))).status).toBe(201);
    const expected = all.filter((w) => w.billableLength === 0).map((w) => w.timestamp).reverse();
    for (const who of [world.bob, world.alice]) {
      const { visited, pages } = await walk(who, '$count=500&billable=false&sort=-timestamp');
      expect(visited.map((r) => r.timestamp)).toEqual(expected);
      expect(pages).toBeGreaterThanOrEqual(2);
    }
  });
});

