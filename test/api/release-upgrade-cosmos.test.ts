import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import { DEFAULT_TRACKING_POLICY } from '../../shared/domain/activity-check.js';
import type { OrganizationDoc } from '../../shared/orgs/organization.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { RELEASE_0_1_0 } from '../support/release-fixtures.js';
import { HOUR, T0, at } from '../support/worklog-builder.js';

/** Release 0.1.0's documents in Cosmos DB, read by this release: the same upgraders run on this path. */
const CONTOSO = '7117c583-5b6d-41f1-98c6-60a186542c45';
let cosmos: CosmosTestServer;
let raw: CosmosDocumentStore;
let api: TestApi;

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  raw = await CosmosDocumentStore.connect({ endpoint: cosmos.endpoint, key: cosmos.key, database: `release-${Date.now()}`, endpointDiscovery: false });
  for (const { container, doc } of RELEASE_0_1_0.documents) await raw.create(container, doc);
  api = await startTestApi({ store: raw, clock: new MutableClock(at(T0, HOUR)) });
});
afterAll(async () => {
  await api.close();
  await cosmos.close();
});

describe('documents of release 0.1.0 on Cosmos DB', () => {
  it('read back upgraded: organizations and worklogs as version 2, every other document as stored', async () => {
    for (const { container, doc } of RELEASE_0_1_0.documents) {
      const read = await api.store.read(container, doc.pk, doc.id);
      if (doc.type === 'organization') {
        expect(read).toMatchObject({ schemaVersion: 2, installState: 'installed', uninstalledTimestamp: null, trialStartTimestamp: doc.createdTimestamp });
      } else if (doc.type === 'worklog') {
        expect(read).toEqual({ ...doc, schemaVersion: 3, stopReason: doc.stopReason ?? null, targetId: null, _etag: expect.any(String) });
      } else {
        expect(read, `${container}/${doc.id}`).toMatchObject(doc);
      }
    }
    const contoso = await api.store.read<OrganizationDoc>('orgs', CONTOSO, 'organization');
    expect(contoso?.activityTypes.every((type) => type.isActive)).toBe(true);
    expect(contoso?.trackingPolicy).toEqual(DEFAULT_TRACKING_POLICY);
    expect(contoso?.entitlement).toBeNull();
  });

  it('are written back upgraded at the next write', async () => {
    expect(await raw.read('orgs', CONTOSO, 'organization')).toMatchObject({ schemaVersion: 1 });
    const alice = client(api, await api.signIn('contoso', 'alice'));
    expect((await alice('POST', '/rest/activityTypes', { name: 'Review', color: '#123456' })).status).toBe(201);
    expect(await raw.read('orgs', CONTOSO, 'organization')).toMatchObject({
      schemaVersion: 2, installState: 'installed', uninstalledTimestamp: null, trackingPolicy: DEFAULT_TRACKING_POLICY, entitlement: null,
    });
  });
});
