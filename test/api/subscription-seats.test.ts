import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { postBillingEvent, seatsChanged, subscriptionCreated, subscriptionRenewed } from '../support/billing-builder.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { virtualMembers } from '../support/virtual-members.js';
import { DAY, HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let store: InterleavingStore;
let alice: ReturnType<typeof client>;

beforeEach(async () => {
  const clock = new MutableClock(T0);
  store = new InterleavingStore(new SqliteDocumentStore(':memory:', clock), seededRandom(4));
  api = await startTestApi({ clock, store });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
});
afterEach(() => api.close());

async function subscribe(seats: number) {
  await postBillingEvent(api, subscriptionCreated('sub-seats', seats, T0));
  expect((await alice('POST', '/subscription/activate', { subscriptionId: 'sub-seats' })).status).toBe(200);
}

const seats = async () => (await alice('GET', '/subscription')).body.data.seats as { licensed: number; used: number };
/** A worklog `n` hours before now: every call its own time, so none overlaps. */
const logged = (n = 1) => aWorklog({ timestamp: at(api.clock.now(), -n * HOUR), length: 10 * 60 });

describe('seats', () => {
  it('are taken by the users who log or track time, once per billing period', async () => {
    await subscribe(5);
    const [bob, carol] = [client(api, await api.signIn('fabrikam', 'bob')), client(api, await api.signIn('fabrikam', 'carol'))];
    expect((await bob('GET', '/rest/workLogs')).status).toBe(200);
    expect(await seats()).toEqual({ licensed: 5, used: 0 });
    await bob('POST', '/rest/workLogs', logged(1));
    await bob('POST', '/rest/workLogs', logged(2));
    await carol('POST', '/tracking/client/startTracking', { workItemId: 1 });
    expect(await seats()).toEqual({ licensed: 5, used: 2 });
  });

  it('answer a user without a seat 402 naming the billing admins once all are taken; holders go on', async () => {
    await subscribe(1);
    const [bob, carol] = [client(api, await api.signIn('fabrikam', 'bob')), client(api, await api.signIn('fabrikam', 'carol'))];
    expect((await bob('POST', '/rest/workLogs', logged(1))).status).toBe(201);
    const refused = await carol('POST', '/rest/workLogs', logged(2));
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'billing.no_seat_left', message: expect.stringContaining('ask a billing admin (Alice Anders) to add seats') });
    expect((await carol('GET', '/rest/workLogs')).body.data).toEqual([]);
    expect((await bob('POST', '/rest/workLogs', logged(3))).status).toBe(201);
  });

  it('never cut off a holder when the seats shrink mid-period; a renewal starts counting afresh', async () => {
    await subscribe(2);
    const [bob, carol] = [client(api, await api.signIn('fabrikam', 'bob')), client(api, await api.signIn('fabrikam', 'carol'))];
    await bob('POST', '/rest/workLogs', logged(1));
    await carol('POST', '/rest/workLogs', logged(1));
    await postBillingEvent(api, seatsChanged('sub-seats', 1));
    expect(await seats()).toEqual({ licensed: 1, used: 2 });
    expect((await bob('POST', '/rest/workLogs', logged(2))).status).toBe(201);
    expect((await carol('POST', '/rest/workLogs', logged(2))).status).toBe(201);
    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(402);

    await postBillingEvent(api, subscriptionRenewed('sub-seats', at(T0, 30 * DAY), at(T0, 60 * DAY)));
    expect(await seats()).toEqual({ licensed: 1, used: 0 });
    expect((await alice('POST', '/rest/workLogs', logged(3))).status).toBe(201);
    expect((await bob('POST', '/rest/workLogs', logged(3))).status).toBe(402);
  });

  it('an Administrator logging time for a user gives that user the seat', async () => {
    await subscribe(1);
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    expect((await alice('POST', `/rest/workLogs?userId=${bobId}`, logged(1))).status).toBe(201);
    expect((await alice('POST', '/rest/workLogs', logged(2))).status).toBe(402);
    expect((await bob('POST', '/rest/workLogs', logged(3))).status).toBe(201);
  });
});

describe('seats under concurrent first-time users', () => {
  it('are never given out beyond the limit: 12 users race for 4 seats, exactly 4 win', async () => {
    await subscribe(4);
    const members = await virtualMembers(api, 'fabrikam', 12);
    const replies = await Promise.all(members.map((m, i) => m.call('POST', '/rest/workLogs', logged(i + 1))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(4).fill(201), ...Array(8).fill(402)]);
    expect(await seats()).toEqual({ licensed: 4, used: 4 });
    expect(store.lostRaces).toBeGreaterThan(0);

    // The winners keep writing; the others stay refused.
    const winners = members.filter((_, i) => replies[i]!.status === 201);
    const again = await Promise.all(members.map((m, i) => m.call('POST', '/rest/workLogs', logged(i + 20))));
    expect(again.filter((r) => r.status === 201)).toHaveLength(4);
    for (const winner of winners) expect(again[members.indexOf(winner)]!.status).toBe(201);
  });

  it('give one user who races with several clients exactly one seat', async () => {
    await subscribe(2);
    const [member] = await virtualMembers(api, 'fabrikam', 1, 'racer');
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => member!.call('POST', '/rest/workLogs', logged(i + 1))));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(await seats()).toEqual({ licensed: 2, used: 1 });
  });
});
