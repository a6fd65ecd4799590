import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0 } from '../support/worklog-builder.js';

/** Issue 11: users, users/{id}, me and users/roles in the shapes 7PACE-API.md §2.1, §2.2, §2.5 and §2.6 document. */
type Call = ReturnType<typeof client>;
let api: TestApi;
let alice: Call;
let bob: Call;
const ids: Record<string, string> = {};
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  const carol = client(api, await api.signIn('fabrikam', 'carol'));
  for (const [name, call] of [['alice', alice], ['bob', bob], ['carol', carol]] as const) ids[name] = (await call('GET', '/rest/me')).body.data.user.id;
});
afterEach(() => api.close());

/** §2.2: `{uniqueName, vstsId, vstsCollectionId, name, id}`, and G1's displayName, email, vstsCollectionId2. */
const documentedUser = (name: string) => ({
  id: ids[name], uniqueName: `${name}@fabrikam.example`, name: expect.any(String), displayName: expect.any(String),
  email: `${name}@fabrikam.example`, vstsId: ids[name], vstsCollectionId: ids[name], vstsCollectionId2: ids[name],
});

describe('users, users/{id} and me', () => {
  it('answer { data: [user] }, { data: user } and { data: { user, account, defaultActivityType, timeZone } }', async () => {
    const users = await bob('GET', '/rest/users?api-version=3.2&$expand=user.displayName');
    expect(users.body.data).toEqual([documentedUser('alice'), documentedUser('bob'), documentedUser('carol')]);
    expect((await bob('GET', `/rest/users/${ids.carol}?api-version=3.2`)).body).toEqual({ data: documentedUser('carol') });
    const me = (await bob('GET', '/rest/me?api-version=3.2')).body.data;
    expect(me).toMatchObject({
      user: documentedUser('bob'),
      account: { id: expect.any(String), name: 'fabrikam', vstsId: expect.any(String), vstsCollectionId: expect.any(String) },
      defaultActivityType: { id: expect.any(String), name: expect.any(String), color: expect.stringMatching(/^[0-9a-f]{6}$/) },
      timeZone: 0,
    });
  });
});

describe('GET users/roles', () => {
  it("lists 7pace's userWithRole: the user's fields and role { id, name }; None only with includeNoneRoles; $count and $skip page", async () => {
    expect((await alice('POST', '/rest/users/roles', { userId: ids.carol, role: 'none' })).status).toBe(200);
    const listed = (await alice('GET', '/rest/users/roles?api-version=3.2')).body.data;
    expect(listed).toEqual([
      expect.objectContaining({ ...documentedUser('alice'), role: { id: 'administrator', name: 'Administrator' } }),
      expect.objectContaining({ ...documentedUser('bob'), role: { id: 'member', name: 'Team' } }),
    ]);
    const withNone = (await alice('GET', '/rest/users/roles?includeNoneRoles=true')).body.data;
    expect(withNone.map((u: { role: { name: string } }) => u.role.name)).toEqual(['Administrator', 'Team', 'None']);
    const page = (await alice('GET', '/rest/users/roles?includeNoneRoles=true&$count=1&$skip=2&$expand=user.displayName')).body.data;
    expect(page.map((u: { id: string }) => u.id)).toEqual([ids.carol]);
    expect((await alice('GET', '/rest/users/roles?$count=501')).status).toBe(400);
    expect((await bob('GET', '/rest/users/roles')).status).toBe(403);
  });
});

describe("POST users/roles in 7pace's body", () => {
  it('sets roles by user id, vstsId or email and role name or id, answering succeeded, failed and failedEntries', async () => {
    const res = await alice('POST', '/rest/users/roles?api-version=3.2', {
      users: [
        { id: ids.bob, role: { name: 'Product' } },
        { vstsId: ids.carol, role: { name: 'Budget' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { succeeded: 2, failed: 0, failedEntries: [] } });
    await alice('POST', '/rest/users/roles', { users: [{ email: 'CAROL@fabrikam.example', role: { id: 'teamLead' } }] });
    const roles = (await alice('GET', '/rest/users/roles')).body.data.map((u: { role: { id: string } }) => u.role.id);
    expect(roles).toEqual(['administrator', 'productManager', 'teamLead']);
  });

  it('applies none when one entry fails, unless skipErrors, and names each failure', async () => {
    const body = { users: [{ id: ids.bob, role: { name: 'Administrator' } }, { email: 'nobody@fabrikam.example', role: { name: 'Team' } }, { id: ids.alice, role: { name: 'None' } }] };
    const strict = await alice('POST', '/rest/users/roles', body);
    expect(strict.body.data).toMatchObject({ succeeded: 0, failed: 2 });
    expect(strict.body.data.failedEntries).toEqual([
      { entity: body.users[1], error: { message: expect.stringContaining('nobody@fabrikam.example') } },
      { entity: body.users[2], error: { message: expect.stringContaining('Project Collection Administrator') } },
    ]);
    expect((await bob('GET', '/rest/me')).body.data.role).toBe('member');

    const skipping = await alice('POST', '/rest/users/roles', { ...body, skipErrors: true });
    expect(skipping.body.data).toMatchObject({ succeeded: 1, failed: 2 });
    expect((await bob('GET', '/rest/me')).body.data.role).toBe('administrator');
  });

  it('refuses an unknown role name as a failed entry and a body without users as 400', async () => {
    const res = await alice('POST', '/rest/users/roles', { users: [{ id: ids.bob, role: { name: 'Overlord' } }] });
    expect(res.body.data.failedEntries[0].error.message).toContain('Overlord');
    expect((await alice('POST', '/rest/users/roles', { users: [] })).status).toBe(400);
    expect((await bob('POST', '/rest/users/roles', { users: [{ id: ids.bob, role: { name: 'Administrator' } }] })).status).toBe(403);
  });
});
