import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { keptAndRecounted } from '../support/rollup-recount.js';
import { DAY, T0, aWorklog, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/** Rollups and reports over the Cosmos adapter: 100-operation batches, cross-partition IN and ORDER BY. */
let cosmos: CosmosTestServer;
let api: TestApi;

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  const store = await CosmosDocumentStore.connect({ endpoint: cosmos.endpoint, key: cosmos.key, database: `reports-${Date.now()}`, endpointDiscovery: false });
  api = await startTestApi({ store, clock: new MutableClock(T0) });
});
afterAll(async () => {
  await api.close();
  await cosmos.close();
});

describe('reports on Cosmos DB', () => {
  it('sum a chunked batch, edits and deletes as the worklogs do, and recount to the same', async () => {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(150, at(T0, -3 * DAY), 60, { billableLength: 60 }))).status).toBe(201);
    const added = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -40 * DAY), length: 600, workItemId: 2 }));
    expect((await bob('PATCH', `/rest/workLogs/${added.body.data.id}`, { length: 900 })).status).toBe(200);
    const gone = await alice('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -DAY), length: 300 }));
    expect((await alice('DELETE', `/rest/workLogs/${gone.body.data.id}`)).status).toBe(200);
    const report = await alice('GET', '/reports/time?from=2024-11-01&to=2025-01-31&groupBy=month,workItem');
    expect(report.body.data.rows).toEqual([
      { month: '2024-11', workItemId: 2, workItemTitle: 'Online service appointment booking', workItemType: 'Feature', length: 900, billableLength: 600, count: 1 },
      { month: '2025-01', workItemId: 1, workItemTitle: 'Fiber customer self-service portal', workItemType: 'Epic', length: 9000, billableLength: 9000, count: 150 },
    ]);
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    expect((await alice('POST', '/admin/rollups/recount', { userId: bobId })).body.data.worklogsCounted).toBe(151);
    const { kept, recounted } = await keptAndRecounted(api.store);
    expect(kept).toEqual(recounted);
  });
});
