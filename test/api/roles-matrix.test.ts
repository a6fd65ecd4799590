import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { aLicense, postBillingEvent, subscriptionCreated } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { ACTORS, buildRoleWorld, type Actor, type RoleWorld } from '../support/role-world.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

/**
 * Every endpoint that depends on the caller's role, called by one user per role. The
 * columns: None, Member, Team lead (carol's team), Team lead (another team), Product
 * manager, Budget manager, Administrator (assigned), Project Collection Administrator.
 */
type Request = { method: string; path: string; body?: unknown };
const MATRIX: [string, (w: RoleWorld) => Promise<Request>, (number | null)[]][] = [
  ['read who they are', async () => ({ method: 'GET', path: '/rest/me' }), [403, 200, 200, 200, 200, 200, 200, 200]],
  ['read their own worklogs', async () => ({ method: 'GET', path: '/rest/workLogs' }), [403, 200, 200, 200, 200, 200, 200, 200]],
  ['log their own time', async (w) => ({ method: 'POST', path: '/rest/workLogs', body: aWorklog({ timestamp: w.freshTime(), length: 600 }) }), [403, 201, 201, 201, 201, 201, 201, 201]],
  ['start tracking', async () => ({ method: 'POST', path: '/tracking/client/startTracking', body: { workItemId: 1 } }), [403, 200, 200, 200, 200, 200, 200, 200]],
  ["read carol's worklogs", async (w) => ({ method: 'GET', path: `/rest/workLogs?userId=${w.carolId}` }), [403, 403, 200, 403, 200, 200, 200, 200]],
  ["read one of carol's worklogs", async (w) => ({ method: 'GET', path: `/rest/workLogs/${await w.carolsWorklog()}?userId=${w.carolId}` }), [403, 403, 200, 403, 200, 200, 200, 200]],
  ["read carol's timesheet", async (w) => ({ method: 'GET', path: `/timesheet?from=2025-01-01&to=2025-01-07&userId=${w.carolId}` }), [403, 403, 200, 403, 200, 200, 200, 200]],
  ["read everyone's (or their teams') worklogs", async () => ({ method: 'GET', path: '/rest/workLogs/all' }), [403, 403, 200, 200, 200, 200, 200, 200]],
  ["change carol's worklog", async (w) => ({ method: 'PATCH', path: `/rest/workLogs/${await w.carolsWorklog()}?userId=${w.carolId}`, body: { comment: 'fixed' } }), [403, 403, 403, 403, 403, 403, 200, 200]],
  ["delete carol's worklog", async (w) => ({ method: 'DELETE', path: `/rest/workLogs/${await w.carolsWorklog()}?userId=${w.carolId}` }), [403, 403, 403, 403, 403, 403, 200, 200]],
  ['log time for carol', async (w) => ({ method: 'POST', path: `/rest/workLogs?userId=${w.carolId}`, body: aWorklog({ timestamp: w.freshTime(), length: 600 }) }), [403, 403, 403, 403, 403, 403, 201, 201]],
  ['read the roles', async () => ({ method: 'GET', path: '/rest/users/roles' }), [403, 403, 403, 403, 403, 403, 200, 200]],
  ['set a role', async (w) => ({ method: 'POST', path: '/rest/users/roles', body: { userId: w.bobId, role: 'member' } }), [403, 403, 403, 403, 403, 403, 200, 200]],
  ['uninstall the org', async () => ({ method: 'POST', path: '/orgs/uninstall' }), [403, 403, 403, 403, 403, 403, null, null]],
  ['read the subscription', async () => ({ method: 'GET', path: '/subscription' }), [403, 200, 200, 200, 200, 200, 200, 200]],
  ['activate a subscription by id', async () => ({ method: 'POST', path: '/subscription/activate', body: { subscriptionId: 'sub-matrix' } }), [403, 403, 403, 403, 403, 403, 403, 200]],
  ['activate a license file', async () => ({ method: 'POST', path: '/subscription/license', body: aLicense() }), [403, 403, 403, 403, 403, 403, 403, 200]],
];

let api: TestApi;
let world: RoleWorld;
beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  await postBillingEvent(api, subscriptionCreated('sub-matrix', 50, T0));
});
afterAll(() => api.close());

describe('the role matrix', () => {
  it.each(MATRIX)('who may %s', async (_what, request, expected) => {
    const got: Partial<Record<Actor, number>> = {};
    const want: Partial<Record<Actor, number>> = {};
    for (const [i, actor] of ACTORS.entries()) {
      if (expected[i] === null) continue;
      const { method, path, body } = await request(world);
      got[actor] = (await world.actors[actor](method, path, body)).status;
      want[actor] = expected[i]!;
    }
    expect(got).toEqual(want);
  });
});

describe('what the roles see', () => {
  it("a Team lead's list of everyone's worklogs holds their team's and their own, nobody else's", async () => {
    await world.bob('POST', '/rest/workLogs', aWorklog({ timestamp: world.freshTime(), length: 600 }));
    const listed = (await world.actors.teamLead('GET', '/rest/workLogs/all?$count=500')).body.data as { user: { uniqueName: string } }[];
    const owners = new Set(listed.map((w) => w.user.uniqueName));
    expect(owners.has('carol@fabrikam.example')).toBe(true);
    expect(owners.has('bob@fabrikam.example')).toBe(false);
    const everyone = (await world.alice('GET', '/rest/workLogs/all?$count=500')).body.data as { user: { uniqueName: string } }[];
    expect(new Set(everyone.map((w) => w.user.uniqueName)).has('bob@fabrikam.example')).toBe(true);
  });

  it('a 403 names the role needed and the caller\'s own', async () => {
    const res = await world.bob('GET', `/rest/workLogs?userId=${world.carolId}`);
    expect(res.body.error?.message).toBe("reading another user's time needs the role Team lead, Product manager, Budget manager or Administrator; you are a Member");
    const edit = await world.actors.budgetManager('DELETE', `/rest/workLogs/${await world.carolsWorklog()}?userId=${world.carolId}`);
    expect(edit.body.error?.message).toBe("changing another user's time needs the Administrator role; you are a Budget manager");
    const none = await world.actors.none('GET', '/rest/me');
    expect(none.body.error?.message).toMatch(/your Timehub role in fabrikam is None \(no access\); ask an Administrator for a role/);
    expect((await client(api)('GET', '/about')).status).toBe(200);
  });
});
