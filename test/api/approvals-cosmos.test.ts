import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDocumentStore } from '../../shared/adapters/cosmos/cosmos-document-store.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { LAST_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * Approvals over the Cosmos adapter, where a batch of more than 100 operations is committed
 * in chunks (worklogs/batch-intent.ts): a chunked batch racing a submission is all in the
 * submitted week or refused whole.
 */
let cosmos: CosmosTestServer;
let api: TestApi;
let w: ApprovalWorld;

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  const store = await CosmosDocumentStore.connect({ endpoint: cosmos.endpoint, key: cosmos.key, database: `approvals-${Date.now()}`, endpointDiscovery: false });
  api = await startTestApi({ store, clock: new MutableClock(T0) });
  w = await buildApprovalWorld(api);
}, 60_000);
afterAll(async () => {
  await api.close();
  await cosmos.close();
});

const weekSeconds = async () =>
  ((await w.carol('GET', '/rest/workLogs?$fromTimestamp=2024-12-29&$toTimestamp=2025-01-06&$count=500')).body.data as { length: number }[]).reduce((s, x) => s + x.length, 0);

describe('approvals on Cosmos DB', () => {
  it('a chunked batch racing a submission is in the submitted week whole, or refused whole', async () => {
    for (const [round, start] of ['2024-12-30T08:00:00Z', '2024-12-31T08:00:00Z', '2025-01-01T08:00:00Z'].entries()) {
      const [batch, submit] = await Promise.all([w.carol('POST', '/rest/workLogs/batch', consecutiveWorklogs(150, start, 60)), w.carolSubmits()]);
      expect(submit.status, JSON.stringify(submit.body)).toBe(200);
      expect([201, 409]).toContain(batch.status);
      const seconds = await weekSeconds();
      expect(seconds % (150 * 60), `round ${round}: only whole batches`).toBe(0);
      const queue = await w.actors.teamLead('GET', '/approvals/queue');
      expect(queue.status, JSON.stringify(queue.body)).toBe(200);
      expect(queue.body.data[0].totalSeconds).toBe(seconds);
      if (batch.status === 409) expect(batch.body.error?.code).toBe('approval.week_locked');
      // Once submitted, the same batch is refused; withdraw for the next round.
      expect((await w.carol('POST', '/rest/workLogs/batch', consecutiveWorklogs(150, start.replace('08:', '20:'), 60))).status).toBe(409);
      expect(await weekSeconds()).toBe(seconds);
      expect((await w.carol('DELETE', `/rest/timeApproval/week?weekStart=${LAST_WEEK.from}`)).status).toBe(200);
    }
  });
});

describe('approval reads on Cosmos DB', () => {
  it('list records, the queue and reports by approval state across partitions', async () => {
    expect((await w.carolSubmits()).status).toBe(200);
    expect((await w.decide(w.actors.teamLead, 'approve')).status).toBe(200);
    const all = await w.actors.administrator('GET', `/rest/timeApproval/all?$fromTimestamp=${LAST_WEEK.from}`);
    expect(all.body.data).toMatchObject([{ weekStartDate: LAST_WEEK.from, approvalState: 3 }]);
    expect((await w.carol('GET', `/approvals/weeks?from=2024-12-01&to=2025-01-31`)).body.data.weeks).toHaveLength(1);
    const report = await w.alice('GET', '/reports/time?from=2024-12-01&to=2025-01-31&groupBy=user&approval=approved');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.data.totals.length).toBe(await weekSeconds());
  });
});
