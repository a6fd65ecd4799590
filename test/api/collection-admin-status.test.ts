import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { postBillingEvent, subscriptionCreated, subscriptionRenewed } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { assign } from '../support/role-world.js';
import { scriptToken } from '../support/script-token.js';
import { DAY, HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;

// A fresh data folder: alice (a Project Collection Administrator of contoso) only ever
// uses an API token minted by `npm run token`, so no sign-in recorded her.
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await scriptToken(api, 'contoso', 'alice'));
});
afterEach(() => api.close());

const logged = (n: number) => aWorklog({ timestamp: at(api.clock.now(), -n * HOUR), length: 10 * 60 });

async function expectStillAdministrator() {
  expect((await alice('GET', '/rest/me')).body.data).toMatchObject({ role: 'administrator', isBillingAdmin: true });
  expect((await alice('GET', '/rest/users/roles')).status).toBe(200);
  expect((await alice('GET', '/subscription')).status).toBe(200);
}

describe('a Project Collection Administrator known only from their API token', () => {
  it('stays an Administrator and billing admin after their first worklog', async () => {
    await expectStillAdministrator();
    expect((await alice('POST', '/rest/workLogs', logged(1))).status).toBe(201);
    await expectStillAdministrator();
    const me = (await alice('GET', '/rest/users/roles')).body.data.find((row: { user: { name: string } }) => row.user.name === 'Alice Anders');
    expect(me).toMatchObject({ role: { id: 'administrator' }, isCollectionAdmin: true, isBillingAdmin: true });
  });

  it('stays one after a seat is taken for them by an Administrator logging their time', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-contoso', 5, T0));
    expect((await alice('POST', '/subscription/activate', { subscriptionId: 'sub-contoso' })).status).toBe(200);
    expect((await alice('POST', '/rest/workLogs', logged(1))).status).toBe(201);
    const aliceId = (await alice('GET', '/rest/me')).body.data.user.id as string;

    const bob = client(api, await api.signIn('contoso', 'bob'));
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    await assign(alice, bobId, 'administrator');
    // A new billing period: alice holds no seat until bob's write for her takes one.
    await postBillingEvent(api, subscriptionRenewed('sub-contoso', at(T0, 30 * DAY), at(T0, 60 * DAY)));
    expect((await bob('POST', `/rest/workLogs?userId=${aliceId}`, logged(2))).status).toBe(201);
    expect((await alice('GET', '/subscription')).body.data.seats).toMatchObject({ used: 1 });
    await expectStillAdministrator();
  });

  it('keeps them an Administrator when their role is assigned (409 for a lower one)', async () => {
    expect((await alice('POST', '/rest/workLogs', logged(1))).status).toBe(201);
    const aliceId = (await alice('GET', '/rest/me')).body.data.user.id as string;
    const lowered = await alice('POST', '/rest/users/roles', { userId: aliceId, role: 'member' });
    expect(lowered.status).toBe(409);
    expect(lowered.body.error?.code).toBe('roles.collection_admin');
    expect((await alice('POST', '/rest/users/roles', { userId: aliceId, role: 'administrator', teams: ['red'] })).status).toBe(200);
    await expectStillAdministrator();
  });
});
