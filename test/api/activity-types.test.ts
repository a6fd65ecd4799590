import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;

interface Listed { id: string; name: string; color: string; isDefault: boolean; isActive: boolean }

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

const NOT_SET = '00000000-0000-0000-0000-000000000000';
/** The org's own types, from 7pace's envelope (without its "[Not Set]" pseudo-type). */
const listed = (body: { data?: { activityTypes: Listed[] } }) => (body.data?.activityTypes ?? []).filter((t) => t.id !== NOT_SET);
const list = async () => listed((await alice('GET', '/rest/activityTypes')).body);
const add = (body: unknown) => alice('POST', '/rest/activityTypes', body);
const defaults = async () => (await list()).filter((t) => t.isDefault).map((t) => t.name);

describe('managing activity types', () => {
  it('lets an admin add, rename, recolor and deactivate a type; GET lists all with isActive', async () => {
    const created = await add({ name: ' Code review ', color: '#AA3300' });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(created.body.data).toEqual({ id, name: 'Code review', color: 'aa3300', isDefault: false, isActive: true });

    const patched = await alice('PATCH', `/rest/activityTypes/${id}`, { name: 'Reviews', color: '#123456' });
    expect(patched.body.data).toMatchObject({ id, name: 'Reviews', color: '123456', isActive: true });

    const deleted = await alice('DELETE', `/rest/activityTypes/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ id, isActive: false });
    expect((await list()).find((t) => t.id === id)).toMatchObject({ name: 'Reviews', isActive: false });
    expect(listed((await bob('GET', '/rest/activityTypes')).body)).toHaveLength(7);

    expect((await alice('PATCH', `/rest/activityTypes/${id}`, { isActive: true })).body.data.isActive).toBe(true);
  });

  it('answers 403 to a member and changes nothing', async () => {
    const before = await list();
    expect((await bob('POST', '/rest/activityTypes', { name: 'Mine', color: '#000000' })).status).toBe(403);
    expect((await bob('PATCH', '/rest/activityTypes/meeting', { name: 'Mine' })).status).toBe(403);
    expect((await bob('DELETE', '/rest/activityTypes/meeting')).status).toBe(403);
    expect(await list()).toEqual(before);
  });

  it.each([
    [{ name: '', color: '#000000' }, 'name'],
    [{ name: 'Ok', color: 'red' }, 'color'],
    [{ name: 'Ok', color: '#000000', isDefault: 'yes' }, 'isDefault'],
    [{ color: '#000000' }, 'name'],
  ])('answers 400 to %j, naming %s, and changes nothing', async (body, field) => {
    const before = await list();
    const res = await add(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await list()).toEqual(before);
  });

  it('answers 409 naming the clash when a name is taken, whatever its case', async () => {
    const res = await add({ name: 'MEETING', color: '#000000' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('activity_type.duplicate_name');
    expect(res.body.error?.message).toContain('Meeting');
    expect((await alice('PATCH', '/rest/activityTypes/testing', { name: 'design' })).status).toBe(409);
    expect((await alice('PATCH', '/rest/activityTypes/testing', { name: 'TESTING' })).status).toBe(200);
  });

  it('keeps exactly one active default', async () => {
    const created = await add({ name: 'Ops', color: '#101010', isDefault: true });
    expect(await defaults()).toEqual(['Ops']);
    expect((await alice('PATCH', '/rest/activityTypes/meeting', { isDefault: true })).status).toBe(200);
    expect(await defaults()).toEqual(['Meeting']);

    const off = await alice('DELETE', '/rest/activityTypes/meeting');
    expect(off.status).toBe(409);
    expect(off.body.error?.code).toBe('activity_type.default_inactive');
    expect((await alice('PATCH', '/rest/activityTypes/meeting', { isDefault: false })).status).toBe(409);
    await alice('DELETE', `/rest/activityTypes/${created.body.data.id as string}`);
    expect((await alice('PATCH', `/rest/activityTypes/${created.body.data.id as string}`, { isDefault: true })).status).toBe(409);
    expect(await defaults()).toEqual(['Meeting']);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await alice('PATCH', '/rest/activityTypes/nope', { name: 'X' })).status).toBe(404);
    expect((await alice('DELETE', '/rest/activityTypes/nope')).status).toBe(404);
  });
});

describe('inactive activity types and new time', () => {
  beforeEach(async () => {
    await alice('DELETE', '/rest/activityTypes/meeting');
  });

  it('refuses to start a tracker with an inactive type (422)', async () => {
    const res = await bob('POST', '/tracking/client/startTracking', { workItemId: 2, activityTypeId: 'meeting' });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('worklog.inactive_activity_type');
    expect((await bob('GET', '/tracking/client/current')).body.data.tracker).toBeNull();
  });

  it('refuses to add or move a worklog to an inactive type (422), keeps existing ones named', async () => {
    const added = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -2 * HOUR), activityTypeId: 'meeting' }));
    expect(added.status).toBe(422);
    const ok = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -2 * HOUR), activityTypeId: 'testing' }));
    expect(ok.status).toBe(201);
    const id = ok.body.data.id as string;
    expect((await bob('PATCH', `/rest/workLogs/${id}`, { activityTypeId: 'meeting' })).status).toBe(422);

    await alice('DELETE', '/rest/activityTypes/testing');
    const kept = await bob('PATCH', `/rest/workLogs/${id}`, { comment: 'still fine' });
    expect(kept.status).toBe(200);
    expect(kept.body.data.activityType).toEqual({ id: 'testing', name: 'Testing', color: '107c10' });
  });
});

describe('activity types per organization', () => {
  it("keeps fabrikam's custom type out of contoso's reach (404)", async () => {
    const id = (await add({ name: 'Fabrikam only', color: '#222222' })).body.data.id as string;
    const contoso = client(api, await api.signIn('contoso', 'alice'));
    const theirs = listed((await contoso('GET', '/rest/activityTypes')).body);
    expect(theirs.map((t) => t.id)).not.toContain(id);
    expect((await contoso('PATCH', `/rest/activityTypes/${id}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await contoso('DELETE', `/rest/activityTypes/${id}`)).status).toBe(404);
    expect((await list()).find((t) => t.id === id)).toMatchObject({ name: 'Fabrikam only', isActive: true });
  });
});
