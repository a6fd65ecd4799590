import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { CrashingStore } from '../support/crashing-store.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { keptAndRecounted } from '../support/rollup-recount.js';
import { DAY, MINUTE, SECOND, T0, aWorklog, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * Reports read rollups written in the worklogs' own batches, so a report read in the same
 * millisecond as the writes agrees with the worklogs, however the writes interleaved.
 * The store yields around every call (InterleavingStore) and takes Cosmos' 100-operation
 * batches, so 150-worklog batches commit in chunks while reports run: a report must never
 * see part of one (their worklogs, and only theirs, are on work item 9).
 */
type Call = ReturnType<typeof client>;
interface Row { workItemId: number | null; length: number; billableLength: number; count: number }

let api: TestApi;
const random = seededRandom(20261130);
const pick = (n: number) => Math.floor(random() * n);
const BATCH_ITEM = 9;
const RANGE = { from: at(T0, -40 * DAY).slice(0, 10), to: at(T0, DAY).slice(0, 10) };
const REPORT = `/reports/time?from=${RANGE.from}&to=${RANGE.to}&groupBy=workItem`;

beforeEach(async () => {
  const clock = new MutableClock(T0);
  api = await startTestApi({ clock, store: new InterleavingStore(new CrashingStore(new SqliteDocumentStore(':memory:', clock), 100), random) });
});
afterEach(() => api.close());

async function everyWorklog(c: Call) {
  const all: { id: string; workItemId: number | null; length: number; billableLength: number }[] = [];
  for (let skip = 0; ; skip += 500) {
    const page = (await c('GET', `/rest/workLogs?$fromTimestamp=${RANGE.from}T00:00:00Z&$count=500&$skip=${skip}`)).body.data as typeof all;
    all.push(...page);
    if (page.length < 500) return all;
  }
}

function byWorkItem(worklogs: Awaited<ReturnType<typeof everyWorklog>>): Row[] {
  const rows = new Map<number | null, Row>();
  for (const w of worklogs) {
    const row = rows.get(w.workItemId) ?? { workItemId: w.workItemId, length: 0, billableLength: 0, count: 0 };
    row.length += w.length;
    row.billableLength += w.billableLength;
    row.count += 1;
    rows.set(w.workItemId, row);
  }
  return [...rows.values()].sort((a, b) => (a.workItemId ?? 0) - (b.workItemId ?? 0));
}

/** A random write of bob's (or of alice, his Administrator), near now or in the round's own day. */
async function randomWrite(bob: Call, alice: Call, bobId: string, round: number) {
  const near = at(T0, round * 10 * MINUTE + (pick(9) - 5) * 30 * SECOND);
  switch (pick(6)) {
    case 0: return bob('POST', '/rest/workLogs', aWorklog({ timestamp: near, length: 5 + pick(20), workItemId: 1 + pick(3), billableLength: pick(5) }));
    case 1: return bob('POST', '/tracking/client/startTracking', { workItemId: 1 + pick(3) });
    case 2: return bob('POST', '/tracking/client/stopTracking');
    default: {
      const mine = (await everyWorklog(bob)).filter((w) => w.workItemId !== BATCH_ITEM);
      const target = mine[pick(mine.length)];
      if (!target) return undefined;
      if (pick(2) === 0) return alice('DELETE', `/rest/workLogs/${target.id}?userId=${bobId}`);
      return bob('PATCH', `/rest/workLogs/${target.id}`, { workItemId: 1 + pick(3), billableLength: 0 });
    }
  }
}

describe('a report read in the same millisecond as interleaved writes', () => {
  it('agrees with the worklogs, and never shows part of a batch', async () => {
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    const midFlight: Row[][] = [];
    for (let round = 0; round < 12; round++) {
      const batch = round % 3 === 0 ? [bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(150, at(T0, -(round + 2) * DAY), 60, { workItemId: BATCH_ITEM }))] : [];
      const writes = Array.from({ length: 4 }, () => randomWrite(bob, alice, bobId, round));
      const reports = Array.from({ length: 3 }, () => bob('GET', REPORT).then((r) => midFlight.push(r.body.data.rows as Row[])));
      const replies = await Promise.all([...batch, ...writes]);
      await Promise.all(reports);
      // 404: two writes picked the same worklog and the other deleted it first.
      expect(replies.filter((r) => r && ![200, 201, 404, 409].includes(r.status)).map((r) => JSON.stringify(r?.body))).toEqual([]);
      // Same clock instant as the writes: the report and the worklogs say the same.
      const report = (await bob('GET', REPORT)).body.data as { rows: Row[] };
      expect(report.rows.map(({ workItemId, length, billableLength, count }) => ({ workItemId, length, billableLength, count }))).toEqual(byWorkItem(await everyWorklog(bob)));
      api.clock.advance((30 + pick(60)) * SECOND);
    }
    const batchCounts = midFlight.map((rows) => rows.find((r) => r.workItemId === BATCH_ITEM)?.count ?? 0);
    expect(batchCounts.filter((count) => count % 150 !== 0)).toEqual([]);
    expect(new Set(batchCounts).size).toBeGreaterThan(1);
    const { kept, recounted } = await keptAndRecounted(api.store);
    expect(kept).toEqual(recounted);
  });
});
