import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { assign } from '../support/role-world.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let bobId: string;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  bobId = (await bob('GET', '/rest/me')).body.data.user.id;
});
afterEach(() => api.close());

describe('GET /api/rest/users/roles', () => {
  it('lists everyone who signed in: Project Collection Administrators as Administrators and billing admins, others as Members', async () => {
    const res = await alice('GET', '/rest/users/roles');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ name: 'Alice Anders' }), role: { id: 'administrator', name: 'Administrator' }, isCollectionAdmin: true, isBillingAdmin: true, isDefaultRole: false }),
      expect.objectContaining({ user: expect.objectContaining({ name: 'Bob Brandt' }), role: { id: 'member', name: 'Team' }, roleTitle: 'Member', teams: [], isBillingAdmin: false, isDefaultRole: true }),
    ]);
  });

  it("does not list another org's users", async () => {
    await api.signIn('contoso', 'carol');
    const names = (await alice('GET', '/rest/users/roles')).body.data.map((u: { user: { uniqueName: string } }) => u.user.uniqueName);
    expect(names).toEqual(['alice@fabrikam.example', 'bob@fabrikam.example']);
  });
});

describe('POST /api/rest/users/roles', () => {
  it('sets a role and teams, and the answer lists what the role may do', async () => {
    const res = await alice('POST', '/rest/users/roles', { userId: bobId, role: 'teamLead', teams: ['red', 'red', 'blue'] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ role: { id: 'teamLead' }, roleTitle: 'Team lead', teams: ['red', 'blue'], isDefaultRole: false });
    expect(res.body.data.permissions).toContain('worklogs:read:team');
    expect(res.body.data.permissions).not.toContain('worklogs:write:all');
  });

  it('takes effect on the next request, also for an API token made before the change', async () => {
    const token = (await bob('POST', '/rest/apiTokens', { name: 'script' })).body.data.token as string;
    const script = client(api, token);
    expect((await script('GET', '/rest/users/roles')).status).toBe(403);
    await assign(alice, bobId, 'administrator');
    expect((await script('GET', '/rest/users/roles')).status).toBe(200);
    expect((await bob('GET', '/rest/me')).body.data).toMatchObject({ role: 'administrator', isBillingAdmin: false, roles: [] });
    await assign(alice, bobId, 'none');
    expect((await script('GET', '/rest/workLogs')).status).toBe(403);
  });

  it('keeps a Project Collection Administrator an Administrator (409)', async () => {
    const aliceId = (await alice('GET', '/rest/me')).body.data.user.id;
    const res = await alice('POST', '/rest/users/roles', { userId: aliceId, role: 'member' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'roles.collection_admin', message: expect.stringContaining('always an Administrator') });
  });

  it('answers 404 for a user who never signed in and 400 for an unknown role', async () => {
    expect((await alice('POST', '/rest/users/roles', { userId: 'nobody', role: 'member' })).status).toBe(404);
    const res = await alice('POST', '/rest/users/roles', { userId: bobId, role: 'overlord' });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('body.role');
  });
});

describe("an Administrator's edits of another user's time", () => {
  it('record who added and who edited the worklog', async () => {
    const added = await alice('POST', `/rest/workLogs?userId=${bobId}`, aWorklog());
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ user: { name: 'Bob Brandt' }, addedByUser: { name: 'Alice Anders' }, editedByUser: null });

    const changed = await alice('PATCH', `/rest/workLogs/${added.body.data.id}?userId=${bobId}`, { comment: 'moved' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ comment: 'moved', editedByUser: { name: 'Alice Anders' }, flags: { isChanged: true } });

    const mine = (await bob('GET', '/rest/workLogs')).body.data;
    expect(mine).toEqual([changed.body.data]);
    expect((await alice('DELETE', `/rest/workLogs/${added.body.data.id}?userId=${bobId}`)).status).toBe(200);
    expect((await bob('GET', '/rest/workLogs')).body.data).toEqual([]);
  });

  it('answer 404 for a worklog id of another user than the one named', async () => {
    const added = await bob('POST', '/rest/workLogs', aWorklog());
    const aliceId = (await alice('GET', '/rest/me')).body.data.user.id;
    expect((await alice('PATCH', `/rest/workLogs/${added.body.data.id}?userId=${aliceId}`, { comment: 'x' })).status).toBe(404);
  });

  it('cannot reach a user of another org', async () => {
    const stranger = client(api, await api.signIn('contoso', 'bob'));
    const strangerId = (await stranger('GET', '/rest/me')).body.data.user.id;
    expect((await alice('POST', `/rest/workLogs?userId=${strangerId}`, aWorklog())).status).toBe(404);
    expect((await alice('GET', `/rest/workLogs?userId=${strangerId}`)).status).toBe(404);
    expect((await alice('GET', `/timesheet?from=2025-01-06&to=2025-01-12&userId=${strangerId}`)).status).toBe(404);
  });
});
