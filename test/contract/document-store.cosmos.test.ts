import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore, type CosmosStoreOptions } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { documentStoreContract } from './document-store.contract.js';

let server: CosmosTestServer;
const run = randomUUID().slice(0, 8);
let databases = 0;

beforeAll(async () => {
  server = await startCosmosTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A fresh database per store, so that tests never see each other's documents. */
const options = (): CosmosStoreOptions => ({
  endpoint: server.endpoint,
  key: server.key,
  database: `contract-${run}-${++databases}`,
  endpointDiscovery: false,
});

documentStoreContract('CosmosDocumentStore on @vercel/cosmosdb-server', new Set(['ttl', 'atomicBatch']), async () => ({
  // The clock only drives TTL, which the test server never enforces.
  store: await CosmosDocumentStore.connect(options()),
  clock: new MutableClock(),
}));

describe('CosmosDocumentStore.init', () => {
  it('creates every container partitioned on /pk with TTL on and no default, and can run again', async () => {
    const settings = options();
    await (await CosmosDocumentStore.connect(settings)).close();
    await (await CosmosDocumentStore.connect(settings)).close();
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    try {
      for (const id of ['orgs', 'worklogs', 'subscriptions']) {
        const { resource } = await client.database(settings.database).container(id).read();
        expect(resource?.partitionKey?.paths).toEqual(['/pk']);
        expect(resource?.defaultTtl).toBe(-1);
      }
    } finally {
      client.dispose();
    }
  });
});
