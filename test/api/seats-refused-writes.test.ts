import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { RESERVATION_SECONDS } from '../../shared/billing/seat-reservations.js';
import { reserveSeat } from '../../shared/billing/seats.js';
import { orgSubscriptionState } from '../../shared/billing/org-subscription.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { loadOrganization } from '../../shared/orgs/organization.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { postBillingEvent, subscriptionCreated, subscriptionRenewed } from '../support/billing-builder.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { virtualMembers } from '../support/virtual-members.js';
import { DAY, HOUR, SECOND, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let store: InterleavingStore;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let carol: ReturnType<typeof client>;

beforeEach(async () => {
  const clock = new MutableClock(T0);
  store = new InterleavingStore(new SqliteDocumentStore(':memory:', clock), seededRandom(9));
  api = await startTestApi({ clock, store });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  carol = client(api, await api.signIn('fabrikam', 'carol'));
});
afterEach(() => api.close());

async function subscribe(seats: number) {
  await postBillingEvent(api, subscriptionCreated('sub-refused', seats, T0));
  expect((await alice('POST', '/subscription/activate', { subscriptionId: 'sub-refused' })).status).toBe(200);
}

const seatsUsed = async () => ((await alice('GET', '/subscription')).body.data.seats as { used: number }).used;
/** A worklog `n` hours before now: every call its own time, so none overlaps. */
const logged = (n = 1, overrides = {}) => aWorklog({ timestamp: at(api.clock.now(), -n * HOUR), length: 10 * 60, ...overrides });

describe('seats and refused writes', () => {
  it('are not taken by writes refused 422: the billing admin and bob still write after two refusals on 2 seats', async () => {
    await subscribe(2);
    expect((await bob('POST', '/rest/workLogs', logged(1, { workItemId: 999 }))).status).toBe(422);
    expect((await carol('POST', '/rest/workLogs', logged(1, { workItemId: 999 }))).status).toBe(422);
    expect(await seatsUsed()).toBe(0);

    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(201);
    expect(await seatsUsed()).toBe(1);
    expect((await bob('POST', '/rest/workLogs', logged(3))).status).toBe(201);
    expect((await bob('POST', '/rest/workLogs', logged(4))).status).toBe(201);
    expect(await seatsUsed()).toBe(2);
    expect((await carol('POST', '/rest/workLogs', logged(5))).status).toBe(402);
  });

  it('are not taken by a batch refused 409 for overlapping itself', async () => {
    await subscribe(1);
    const clash = await bob('POST', '/rest/workLogs/batch', [logged(1), logged(1)]);
    expect(clash.status).toBe(409);
    expect(clash.body.error?.code).toBe('worklog.overlap');
    expect(await seatsUsed()).toBe(0);
    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(201);
  });

  it('are not taken by validateOnly', async () => {
    await subscribe(1);
    expect((await bob('POST', '/rest/workLogs/batch?validateOnly=true', [logged(1)])).status).toBe(201);
    expect(await seatsUsed()).toBe(0);
    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(201);
  });

  it('are not taken by a refused start, change or delete', async () => {
    await subscribe(1);
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 999 })).status).toBe(422);
    expect((await bob('PATCH', '/rest/workLogs/no-such-worklog', { comment: 'x' })).status).toBe(404);
    expect((await bob('DELETE', '/rest/workLogs/no-such-worklog')).status).toBe(404);
    expect(await seatsUsed()).toBe(0);
    expect((await alice('POST', '/tracking/client/startTracking', { workItemId: 1 })).status).toBe(200);
    expect(await seatsUsed()).toBe(1);
  });

  it('are still refused up front, before any work, when none is left', async () => {
    await subscribe(1);
    expect((await alice('POST', '/rest/workLogs', logged(1))).status).toBe(201);
    // Even an invalid write hears about the seat first, with the Buy now link.
    const refused = await bob('POST', '/rest/workLogs', logged(2, { workItemId: 999 }));
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'billing.no_seat_left', details: [expect.objectContaining({ code: 'billing.buy_now' })] });
  });
});

describe('seats and writes that succeed', () => {
  it('are taken by every kind of time write once it commits: batch, change, delete', async () => {
    await subscribe(5);
    const ids: string[] = [];
    for (const n of [1, 2]) ids.push((await bob('POST', '/rest/workLogs', logged(n))).body.data.id as string);
    const newPeriod = async (month: number) => {
      await postBillingEvent(api, subscriptionRenewed('sub-refused', at(T0, month * 30 * DAY), at(T0, (month + 1) * 30 * DAY)));
      expect(await seatsUsed()).toBe(0);
    };
    await newPeriod(1);
    expect((await bob('PATCH', `/rest/workLogs/${ids[0]}`, { comment: 'moved' })).status).toBe(200);
    expect(await seatsUsed()).toBe(1);
    await newPeriod(2);
    expect((await bob('DELETE', `/rest/workLogs/${ids[1]}`)).status).toBe(200);
    expect(await seatsUsed()).toBe(1);
    await newPeriod(3);
    expect((await carol('POST', '/rest/workLogs/batch', [logged(1), logged(2)])).status).toBe(201);
    expect(await seatsUsed()).toBe(1);
  });
});

describe('seats under racing first-time users whose writes are partly refused', () => {
  it('go only to writes that commit, never beyond the limit: 8 refused and 4 valid first writes race for 3 seats', async () => {
    await subscribe(3);
    const members = await virtualMembers(api, 'fabrikam', 12, 'mixed');
    const valid = (i: number) => i % 3 === 0;
    const replies = await Promise.all(members.map((m, i) => m.call('POST', '/rest/workLogs', logged(i + 1, valid(i) ? {} : { workItemId: 999 }))));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s, i) => !valid(i) && s !== 422 && s !== 402)).toEqual([]);
    expect(await seatsUsed()).toBe(3);
    expect(store.lostRaces).toBeGreaterThan(0);
  });
});

describe('a seat reserved by a write that never committed (the process died)', () => {
  it('is given back once the reservation has expired, when someone needs it', async () => {
    await subscribe(1);
    const seeded = findSeedOrganization('fabrikam')!;
    const org = await loadOrganization(api.app.ports, seeded.id, seeded.name);
    const state = await orgSubscriptionState(api.app.ports, org);
    const bobUser = (await bob('GET', '/rest/me')).body.data.user;
    await reserveSeat(api.app.ports, api.app.billing, { orgId: seeded.id, name: seeded.name }, bobUser, state);
    expect(await seatsUsed()).toBe(1);
    expect((await alice('POST', '/rest/workLogs', logged(1))).status).toBe(402);

    api.clock.advance((RESERVATION_SECONDS + 1) * SECOND);
    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(201);
    expect(await seatsUsed()).toBe(1);
    expect((await bob('POST', '/rest/workLogs', logged(3))).status).toBe(402);
  });
});
