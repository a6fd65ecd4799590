import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type Actor, type RoleWorld } from '../support/role-world.js';
import { T0 } from '../support/worklog-builder.js';

/** Issue 14's person picker: whose timesheet a manager may open, and whether they may change it. */
let api: TestApi;
let w: RoleWorld;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  w = await buildRoleWorld(api);
});
afterEach(() => api.close());

const WEEK = 'from=2025-01-06&to=2025-01-12';

describe("GET /api/timesheet?userId= (another user's week)", () => {
  it("says whose week it is and whether the caller may change it: Administrators yes, managers and Team leads read only", async () => {
    await w.carolsWorklog();
    const sheetOf = async (actor: Actor) => (await w.actors[actor]('GET', `/timesheet?${WEEK}&userId=${w.carolId}`)).body.data;
    for (const actor of ['administrator', 'collectionAdmin'] as const) {
      expect(await sheetOf(actor)).toMatchObject({ user: { id: w.carolId, name: 'Carol Castillo' }, editable: true, totalSeconds: 600 });
    }
    for (const actor of ['teamLead', 'productManager', 'budgetManager'] as const) {
      expect(await sheetOf(actor)).toMatchObject({ user: { id: w.carolId }, editable: false, totalSeconds: 600 });
    }
    const own = (await w.carol('GET', `/timesheet?${WEEK}`)).body.data;
    expect(own).toMatchObject({ user: { id: w.carolId }, editable: true, totalSeconds: 600 });
  });

  it('answers 403 to a Member and to a Team lead of another team, 404 for a user of another org', async () => {
    expect((await w.bob('GET', `/timesheet?${WEEK}&userId=${w.carolId}`)).status).toBe(403);
    expect((await w.actors.otherTeamLead('GET', `/timesheet?${WEEK}&userId=${w.carolId}`)).status).toBe(403);
    const stranger = client(api, await api.signIn('contoso', 'bob'));
    const strangerId = (await stranger('GET', '/rest/me')).body.data.user.id as string;
    expect((await w.alice('GET', `/timesheet?${WEEK}&userId=${strangerId}`)).status).toBe(404);
  });
});

describe('GET /api/rest/users?readableTime=true (the people a picker lists)', () => {
  const listed = async (actor: Actor) => {
    const res = await w.actors[actor]('GET', '/rest/users?readableTime=true');
    expect(res.status).toBe(200);
    return (res.body.data as { id: string }[]).map((u) => u.id);
  };

  it('lists a Member alone, a Team lead with their teams, managers and Administrators with everyone', async () => {
    const everyone = (await w.bob('GET', '/rest/users')).body.data.map((u: { id: string }) => u.id) as string[];
    expect(await listed('member')).toEqual([w.bobId]);
    const lead = await listed('teamLead');
    expect(lead).toContain(w.carolId);
    expect(lead).not.toContain(w.bobId);
    expect(lead.length).toBe(2);
    for (const actor of ['productManager', 'budgetManager', 'administrator'] as const) expect(await listed(actor)).toEqual(everyone);
  });
});
