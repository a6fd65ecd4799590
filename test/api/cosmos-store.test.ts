import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';

// The same API over the Cosmos adapter, against the Cosmos protocol server.
let cosmos: CosmosTestServer;
let api: TestApi;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  const store = await CosmosDocumentStore.connect({ endpoint: cosmos.endpoint, key: cosmos.key, database: `api-${Date.now()}`, endpointDiscovery: false });
  api = await startTestApi({ store, clock: new MutableClock('2026-03-09T08:00:00Z') });
  call = client(api, await api.signIn('contoso', 'carol'));
});
afterAll(async () => {
  await api.close();
  await cosmos.close();
});

describe('tracking and worklogs on Cosmos DB', () => {
  it('tracks, stops and lists a worklog', async () => {
    expect((await call('POST', '/tracking/client/startTracking', { workItemId: 5, timeZone: 'Europe/Berlin' })).status).toBe(200);
    api.clock.advance(25 * 60_000);
    const stopped = await call('POST', '/tracking/client/stopTracking');
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ workItemId: 5, length: 1500, localDay: '2026-03-09' });
    const listed = await call('GET', '/rest/workLogs?$workItemIds=5');
    expect(listed.body.data.map((w: { id: string }) => w.id)).toEqual([stopped.body.data.stoppedWorklog.id]);
  });

  it('refuses an overlapping worklog and keeps the first', async () => {
    const first = await call('POST', '/rest/workLogs', { timestamp: '2026-03-08T10:00:00Z', length: 3600, workItemId: 2 });
    expect(first.status).toBe(201);
    const clash = await call('POST', '/rest/workLogs', { timestamp: '2026-03-08T10:30:00Z', length: 600, comment: 'call' });
    expect(clash.status).toBe(409);
    expect(clash.body.error?.message).toContain(first.body.data.id);
  });

  it('writes a batch larger than one Cosmos transaction', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ timestamp: new Date(Date.UTC(2026, 1, 1, 0, i * 10)).toISOString(), length: 300, workItemId: 1 + (i % 20) }));
    const res = await call('POST', '/rest/workLogs/batch', items);
    expect(res.status).toBe(201);
    // 7pace's $fromTimestamp is strict (after): a second before the day's first worklog.
    const page = await call('GET', '/rest/workLogs?$fromTimestamp=2026-01-31T23:59:59Z&$toTimestamp=2026-02-02T00:00:00Z&$count=500');
    expect(page.body.data).toHaveLength(144);
  });

  it('builds the week from the worklogs of that week', async () => {
    const sheet = await call('GET', '/timesheet?from=2026-03-02&to=2026-03-08');
    expect(sheet.status).toBe(200);
    expect(sheet.body.data.totalSeconds).toBe(3600);
    expect(sheet.body.data.rows).toEqual([expect.objectContaining({ workItemId: 2, totalSeconds: 3600 })]);
  });
});
