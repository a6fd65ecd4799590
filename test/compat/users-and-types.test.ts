import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_SET, startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §2.2 and §2.6: users, me and activityTypes as 7pace answers them. */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

const sevenPaceUser = {
  id: expect.any(String), uniqueName: expect.stringMatching(/@fabrikam\.example$/), name: expect.any(String),
  displayName: expect.any(String), email: expect.any(String), vstsId: expect.any(String), vstsCollectionId: expect.any(String),
};

describe('GET /api/rest/users', () => {
  it('lists the users in { data: [user] }, each with uniqueName and the vsts ids, paged by $count and $skip', async () => {
    const all = await w.bob('GET', '/rest/users?api-version=3.2');
    expect(all.status).toBe(200);
    expect(all.body.data.map((u: { uniqueName: string }) => u.uniqueName)).toEqual(['alice@fabrikam.example', 'bob@fabrikam.example', 'carol@fabrikam.example']);
    for (const user of all.body.data) expect(user).toMatchObject(sevenPaceUser);
    const page = await w.bob('GET', '/rest/users?$count=1&$skip=1&$expand=user.displayName');
    expect(page.body.data.map((u: { uniqueName: string }) => u.uniqueName)).toEqual(['bob@fabrikam.example']);
    expect((await w.bob('GET', '/rest/users?$count=501')).status).toBe(400);
  });

  it('answers users/{id} with that user, and 404 EntityNotFound for an unknown id', async () => {
    const carol = await w.bob('GET', `/rest/users/${w.idOf('carol')}?api-version=3.0`);
    expect(carol.body.data).toMatchObject({ ...sevenPaceUser, id: w.idOf('carol'), uniqueName: 'carol@fabrikam.example', displayName: 'Carol Castillo' });
    const unknown = await w.bob('GET', '/rest/users/00000000-1111-2222-3333-444444444444');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ statusCode: 404, errorCode: 'EntityNotFound', code: 'not_found' });
  });
});

describe('GET /api/rest/me', () => {
  it("answers user, account, defaultActivityType and timeZone (minutes, from the user's zone), and keeps Timehub's fields", async () => {
    const before = (await w.bob('GET', '/rest/me?api-version=3.2')).body.data;
    expect(before).toMatchObject({
      user: { ...sevenPaceUser, id: w.idOf('bob') },
      account: { id: expect.any(String), name: 'fabrikam', vstsId: expect.any(String), vstsCollectionId: expect.any(String) },
      defaultActivityType: { id: 'development', name: 'Development', color: '0078d4' },
      timeZone: 0,
      organization: { name: 'fabrikam' }, role: 'member',
    });
    expect((await w.bob('PUT', '/rest/me/settings', { emailNotificationsOnTracking: true, timeZone: 'Asia/Kolkata' })).status).toBe(200);
    expect((await w.bob('GET', '/rest/me')).body.data).toMatchObject({ timeZone: 330, timeZoneName: 'Asia/Kolkata' });
  });
});

describe('GET /api/rest/activityTypes', () => {
  it('answers 7pace\'s envelope: enabled, "[Not Set]" first under the all-zero id, colours as six hex digits, the system default', async () => {
    const res = await w.bob('GET', '/rest/activityTypes?api-version=3.2');
    expect(res.status).toBe(200);
    const { enabled, activityTypes, systemDefaultActivityTypeId } = res.body.data;
    expect(enabled).toBe(true);
    expect(activityTypes[0]).toMatchObject({ id: NOT_SET, name: '[Not Set]', color: 'ffffff' });
    for (const type of activityTypes) expect(type).toMatchObject({ id: expect.any(String), name: expect.any(String), color: expect.stringMatching(/^[0-9a-f]{6}$/) });
    expect(systemDefaultActivityTypeId).toBe('development');
  });

  it('answers activityTypes/{id}, "[Not Set]" included, and 404 for an unknown id', async () => {
    expect((await w.bob('GET', '/rest/activityTypes/meeting')).body.data).toMatchObject({ id: 'meeting', name: 'Meeting', color: '8764b8' });
    expect((await w.bob('GET', `/rest/activityTypes/${NOT_SET}`)).body.data).toMatchObject({ name: '[Not Set]' });
    expect((await w.bob('GET', '/rest/activityTypes/nothing')).status).toBe(404);
  });

  it('takes a colour with or without #, and answers it without', async () => {
    const added = await w.alice('POST', '/rest/activityTypes', { name: 'Review', color: 'AA3300' });
    expect(added.body.data).toMatchObject({ name: 'Review', color: 'aa3300' });
  });
});
