import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { postBillingEvent, subscriptionCancelled, subscriptionCreated, subscriptionRenewed } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0), env: { BUY_NOW_URL: 'https://shop.example/timehub' } });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

const subscription = async () => (await alice('GET', '/subscription')).body.data;

/** Moves the clock and signs in again (sessions last an hour). */
async function travel(ms: number) {
  api.clock.advance(ms);
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
}

describe('the trial', () => {
  it('starts with the first session: 28 days, every feature, no seat limit', async () => {
    expect(await subscription()).toMatchObject({
      plan: 'trial', status: 'trial', source: 'trial', trialDaysLeft: 28, seats: { licensed: null, used: 0 },
      renewalDate: at(T0, 28 * DAY), readOnly: false, buyNowUrl: 'https://shop.example/timehub?organization=fabrikam',
      billingAdmins: [expect.objectContaining({ uniqueName: 'alice@fabrikam.example' })],
    });
  });

  it('counts its days down on the clock and counts the users who log time as seats', async () => {
    await travel(10 * DAY + HOUR);
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(api.clock.now(), -HOUR) }))).status).toBe(201);
    expect(await subscription()).toMatchObject({ status: 'trial', trialDaysLeft: 18, seats: { licensed: null, used: 1 } });
    await travel(17 * DAY + 22 * HOUR);
    expect(await subscription()).toMatchObject({ status: 'trial', trialDaysLeft: 1 });
  });

  it('ends after 28 days: the org turns read-only, with the Buy now link, and reading goes on', async () => {
    expect((await bob('POST', '/rest/workLogs', aWorklog())).status).toBe(201);
    await travel(28 * DAY);
    expect(await subscription()).toMatchObject({ status: 'expired', trialDaysLeft: 0, readOnly: true });

    const start = await bob('POST', '/tracking/client/startTracking', { workItemId: 1 });
    expect(start.status).toBe(402);
    expect(start.body.error).toMatchObject({ code: 'billing.read_only', message: expect.stringContaining('https://shop.example/timehub?organization=fabrikam') });
    expect(start.body.error?.details).toEqual([expect.objectContaining({ code: 'billing.buy_now', message: 'https://shop.example/timehub?organization=fabrikam' })]);

    const read = await bob('GET', '/rest/workLogs');
    expect(read.status).toBe(200);
    expect(read.body.data).toHaveLength(1);
    expect((await bob('GET', '/timesheet?from=2025-01-06&to=2025-01-12')).status).toBe(200);
    expect((await alice('GET', '/rest/workLogs/all')).status).toBe(200);
  });

  it('does not start again when the org is uninstalled and installed again', async () => {
    await travel(20 * DAY);
    expect((await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' })).status).toBe(200);
    await travel(DAY);
    expect(await subscription()).toMatchObject({ status: 'trial', trialDaysLeft: 7 });
  });
});

describe('POST /api/subscription/activate', () => {
  it('activates an id the commerce provider delivered: active, with its seats and renewal date', async () => {
    expect((await postBillingEvent(api, subscriptionCreated('sub-100', 5, T0))).status).toBe(200);
    const res = await alice('POST', '/subscription/activate', { subscriptionId: 'sub-100' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      plan: 'standard', status: 'active', source: 'billing', subscriptionId: 'sub-100', trialDaysLeft: null,
      seats: { licensed: 5, used: 0 }, renewalDate: at(T0, 30 * DAY), readOnly: false,
    });
    expect(await subscription()).toEqual(res.body.data);
  });

  it('answers 403 to a member, naming the billing admins', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-101', 5, T0));
    const res = await bob('POST', '/subscription/activate', { subscriptionId: 'sub-101' });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/needs a billing admin \(a Project Collection Administrator/);
    expect(await subscription()).toMatchObject({ status: 'trial' });
  });

  it('answers 404 to an unknown id and 409 to an id another org activated', async () => {
    expect((await alice('POST', '/subscription/activate', { subscriptionId: 'sub-nope' })).status).toBe(404);
    await postBillingEvent(api, subscriptionCreated('sub-102', 5, T0));
    const contoso = client(api, await api.signIn('contoso', 'alice'));
    expect((await contoso('POST', '/subscription/activate', { subscriptionId: 'sub-102' })).status).toBe(200);
    const res = await alice('POST', '/subscription/activate', { subscriptionId: 'sub-102' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('subscription.activated_elsewhere');
    expect(res.body.error?.message).not.toContain('contoso');
  });

  it('refuses an id whose period is over, so the trial is not cut short by mistake', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-103', 5, at(T0, -60 * DAY)));
    const res = await alice('POST', '/subscription/activate', { subscriptionId: 'sub-103' });
    expect(res.status).toBe(422);
    expect(await subscription()).toMatchObject({ status: 'trial' });
  });

  it('follows renewals, a grace week past due, and a cancellation to the end of the period', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-104', 5, T0));
    await alice('POST', '/subscription/activate', { subscriptionId: 'sub-104' });
    await travel(31 * DAY);
    expect(await subscription()).toMatchObject({ status: 'pastDue', readOnly: false });
    await postBillingEvent(api, subscriptionRenewed('sub-104', at(T0, 30 * DAY), at(T0, 60 * DAY)));
    expect(await subscription()).toMatchObject({ status: 'active', renewalDate: at(T0, 60 * DAY) });
    await postBillingEvent(api, subscriptionCancelled('sub-104'));
    expect(await subscription()).toMatchObject({ status: 'active', cancelled: true });
    await travel(30 * DAY);
    expect(await subscription()).toMatchObject({ status: 'expired', readOnly: true });
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(api.clock.now(), -HOUR) }))).status).toBe(402);
  });
});
