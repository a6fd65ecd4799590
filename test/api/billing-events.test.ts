import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBillingEvent } from '../../shared/billing/billing-events.js';
import { readVendorSubscription } from '../../shared/billing/vendor-subscriptions.js';
import { LOCAL_SECRETS } from '../../shared/config/settings.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { postBillingEvent, seatsChanged, subscriptionCreated } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { MINUTE, SECOND, T0, at } from '../support/worklog-builder.js';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
});
afterEach(() => api.close());

const record = (id: string) => readVendorSubscription(api.store, id);

describe('POST /api/billing/events: signatures', () => {
  it('applies a signed event and says so', async () => {
    const res = await postBillingEvent(api, subscriptionCreated('sub-1', 5, T0, { id: 'evt-1' }));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ eventId: 'evt-1', subscriptionId: 'sub-1', applied: true });
    expect(await record('sub-1')).toMatchObject({ seats: 5, plan: 'standard', periodStart: T0, activatedOrgId: null });
  });

  it.each([
    ['unsigned', { signature: null }],
    ['signed with another secret', { secret: 'not-the-shared-secret-not-the-shared-secret' }],
    ['signed with a malformed header', { signature: 'sha256=zz' }],
  ])('answers 401 to an event %s and changes nothing', async (_kind, options) => {
    const res = await postBillingEvent(api, subscriptionCreated('sub-2', 5, T0), options);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('billing.bad_signature');
    expect(await record('sub-2')).toBeUndefined();
  });

  it('answers 401 when the body was changed after signing', async () => {
    const original = JSON.stringify({ ...subscriptionCreated('sub-3', 5, T0), timestamp: T0 });
    const signature = signBillingEvent(LOCAL_SECRETS.billingWebhook, original);
    const res = await postBillingEvent(api, original.replace('"seats":5', '"seats":500'), { signature });
    expect(res.status).toBe(401);
    expect(await record('sub-3')).toBeUndefined();
    expect((await postBillingEvent(api, original, { signature })).status).toBe(200);
  });

  it('checks the signature before the body: unsigned garbage is 401, signed garbage 400', async () => {
    expect((await postBillingEvent(api, '{not json', { signature: null })).status).toBe(401);
    const signedGarbage = await postBillingEvent(api, '{not json');
    expect(signedGarbage.status).toBe(400);
    const wrongShape = await postBillingEvent(api, JSON.stringify({ id: 'e', type: 'subscription.exploded', timestamp: T0 }));
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error?.code).toBe('billing.invalid_event');
  });
});

describe('POST /api/billing/events: replays', () => {
  it('answers 401 to the same event id sent again, and the record stays as the first made it', async () => {
    const first = subscriptionCreated('sub-4', 5, T0, { id: 'evt-4', timestamp: at(T0) });
    expect((await postBillingEvent(api, first)).status).toBe(200);
    await postBillingEvent(api, seatsChanged('sub-4', 8));
    const before = await record('sub-4');

    const replay = await postBillingEvent(api, first);
    expect(replay.status).toBe(401);
    expect(replay.body.error?.code).toBe('billing.replayed_event');
    expect(await record('sub-4')).toEqual(before);
  });

  it('answers 401 to an event older (or further ahead) than five minutes', async () => {
    const old = await postBillingEvent(api, subscriptionCreated('sub-5', 5, T0, { timestamp: at(T0, -5 * MINUTE - SECOND) }));
    expect(old.status).toBe(401);
    expect(old.body.error?.code).toBe('billing.stale_event');
    expect((await postBillingEvent(api, subscriptionCreated('sub-5', 5, T0, { timestamp: at(T0, 6 * MINUTE) }))).status).toBe(401);
    expect((await postBillingEvent(api, subscriptionCreated('sub-5', 5, T0, { timestamp: at(T0, -4 * MINUTE) }))).status).toBe(200);
  });

  it('changes nothing when the same change arrives twice under new ids', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-6', 5, T0, { timestamp: at(T0) }));
    expect((await postBillingEvent(api, seatsChanged('sub-6', 9, { timestamp: at(T0) }))).body.data.applied).toBe(true);
    const once = await record('sub-6');
    expect((await postBillingEvent(api, seatsChanged('sub-6', 9, { timestamp: at(T0) }))).status).toBe(200);
    const { _etag: _a, ...afterOnce } = once!;
    const { _etag: _b, ...afterTwice } = (await record('sub-6'))!;
    expect(afterTwice).toEqual(afterOnce);
  });

  it('ignores an event older than the last one applied (out of order), but remembers its id', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-7', 5, T0, { timestamp: at(T0) }));
    await postBillingEvent(api, seatsChanged('sub-7', 9, { timestamp: at(T0, MINUTE) }));
    const late = seatsChanged('sub-7', 3, { id: 'evt-late', timestamp: at(T0, 30 * SECOND) });
    const res = await postBillingEvent(api, late);
    expect(res.body.data).toEqual({ eventId: 'evt-late', subscriptionId: 'sub-7', applied: false });
    expect((await record('sub-7'))?.seats).toBe(9);
    expect((await postBillingEvent(api, late)).status).toBe(401);
  });

  it('answers 409 to a change for a subscription it never heard of, so the provider sends it again later', async () => {
    const early = seatsChanged('sub-8', 3, { id: 'evt-early' });
    expect((await postBillingEvent(api, early)).status).toBe(409);
    await postBillingEvent(api, subscriptionCreated('sub-8', 5, T0));
    expect((await postBillingEvent(api, early)).status).toBe(200);
    expect((await record('sub-8'))?.seats).toBe(3);
  });

  it('feeds an activated subscription: the org sees the new seats at once', async () => {
    await postBillingEvent(api, subscriptionCreated('sub-9', 5, T0));
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    await alice('POST', '/subscription/activate', { subscriptionId: 'sub-9' });
    await postBillingEvent(api, seatsChanged('sub-9', 12));
    expect((await alice('GET', '/subscription')).body.data.seats).toEqual({ licensed: 12, used: 0 });
  });
});
