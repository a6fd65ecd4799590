import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import type { Document } from '../../shared/ports/document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { aLicense, postBillingEvent, subscriptionCreated } from '../support/billing-builder.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, T0, aWorklog, at } from '../support/worklog-builder.js';

/**
 * Subscriptions, roles and the uninstall sweep over the Cosmos adapter (the 'subscriptions'
 * container, nested ORDER BY, cross-partition queries). The test server enforces no TTL,
 * so expiry itself is tested on SQLite (lifecycle.test.ts); here the TTL values are checked.
 */
let cosmos: CosmosTestServer;
let api: TestApi;

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  const store = await CosmosDocumentStore.connect({ endpoint: cosmos.endpoint, key: cosmos.key, database: `lifecycle-${Date.now()}`, endpointDiscovery: false });
  api = await startTestApi({ store, clock: new MutableClock(T0) });
});
afterAll(async () => {
  await api.close();
  await cosmos.close();
});

describe('subscriptions and the org lifecycle on Cosmos DB', () => {
  it('activates by id and by license, counts seats, lists roles, uninstalls and reinstalls', async () => {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await postBillingEvent(api, subscriptionCreated('sub-cosmos', 3, T0))).status).toBe(200);
    expect((await alice('POST', '/subscription/activate', { subscriptionId: 'sub-cosmos' })).body.data.status).toBe('active');
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -DAY) }))).status).toBe(201);
    expect((await alice('GET', '/subscription')).body.data.seats).toEqual({ licensed: 3, used: 1 });
    expect((await alice('GET', '/rest/users/roles')).body.data.map((u: { role: { id: string } }) => u.role.id)).toEqual(['administrator', 'member']);
    expect((await alice('POST', '/subscription/license', aLicense({ seats: 4 }))).body.data.seats.licensed).toBe(4);

    expect((await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' })).status).toBe(200);
    const worklog = (await api.store.query<Document>('worklogs', { partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'worklog' }] }))[0];
    expect(worklog?.ttl).toBe(365 * 86_400);
    expect((await api.store.read('subscriptions', 'sub-cosmos', 'subscription'))?.ttl).toBe(365 * 86_400);
    expect((await bob('GET', '/rest/workLogs')).status).toBe(403);

    const back = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await back('GET', '/rest/workLogs')).body.data).toHaveLength(1);
  });
});
