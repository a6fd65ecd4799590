import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { RollupCell } from '../../shared/rollups/rollup-docs.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { CrashingStore } from '../support/crashing-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { keptAndRecounted } from '../support/rollup-recount.js';
import { DAY, MINUTE, SECOND, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * Rollups equal a recount of the worklogs after any sequence of writes: adds (one, a few,
 * or more than a Cosmos batch, which takes the chunked path), edits that move a worklog
 * to another day, month, work item, internal target, activity type or billable split,
 * deletes (by the user and by an Administrator), and tracker stops (on a work item or a target). The store advertises Cosmos' 100-operation
 * batches, so large adds commit in chunks.
 */
let api: TestApi;
let bob: ReturnType<typeof client>;
let alice: ReturnType<typeof client>;
let bobId: string;

beforeAll(async () => {
  const clock = new MutableClock(T0);
  api = await startTestApi({ clock, store: new CrashingStore(new SqliteDocumentStore(':memory:', clock), 100) });
  bobId = findSeedUser('fabrikam', 'bob')!.id;
});
afterAll(() => api.close());

const ACTIVITIES = [null, 'development', 'meeting'] as const;
/** null: time on the work item; else on this internal target instead. */
const TARGETS = [null, null, 'vacation', 'meetings'] as const;
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'] as const;
const slot = fc.record({ day: fc.integer({ min: -120, max: 0 }), halfHour: fc.integer({ min: 0, max: 47 }) });
const startOf = (s: { day: number; halfHour: number }) => at(T0, s.day * DAY + s.halfHour * 30 * MINUTE - 9 * 60 * MINUTE);
const fields = fc.record({
  workItemId: fc.integer({ min: 1, max: 3 }),
  targetId: fc.constantFrom(...TARGETS),
  activityTypeId: fc.constantFrom(...ACTIVITIES),
  billable: fc.boolean(),
  timeZone: fc.constantFrom(...ZONES),
  length: fc.integer({ min: 1, max: 29 }).map((m) => m * 60),
});
type Fields = typeof fields extends fc.Arbitrary<infer F> ? F : never;
const body = (f: Fields) => ({
  workItemId: f.targetId ? null : f.workItemId, targetId: f.targetId, activityTypeId: f.activityTypeId, timeZone: f.timeZone, length: f.length, billableLength: f.billable ? f.length : 0,
});

const command = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: slot, fields, count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('addMany' as const), at: slot, fields }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), at: fc.option(slot), fields }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), byAdmin: fc.boolean() }),
  fc.record({ kind: fc.constant('track' as const), seconds: fc.integer({ min: 2, max: 600 }), targetId: fc.constantFrom(...TARGETS) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function bobsWorklogIds() {
  const reply = await bob('GET', `/rest/workLogs?$fromTimestamp=${at(T0, -130 * DAY)}&$count=500`);
  if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
  return (reply.body.data as { id: string }[]).map((w) => w.id);
}

async function run(c: Command) {
  if (c.kind === 'add') return bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(c.count, startOf(c.at), c.fields.length, body(c.fields)));
  if (c.kind === 'addMany') return bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(120, startOf(c.at), 60, { ...body(c.fields), length: 60, billableLength: 30 }));
  if (c.kind === 'track') {
    await bob('POST', '/tracking/client/startTracking', c.targetId ? { targetId: c.targetId } : { workItemId: 2 });
    api.clock.advance(c.seconds * SECOND);
    return bob('POST', '/tracking/client/stopTracking');
  }
  const ids = await bobsWorklogIds();
  const id = ids[c.pick % Math.max(ids.length, 1)];
  if (!id) return undefined;
  if (c.kind === 'delete') return c.byAdmin ? alice('DELETE', `/rest/workLogs/${id}?userId=${bobId}`) : bob('DELETE', `/rest/workLogs/${id}`);
  return bob('PATCH', `/rest/workLogs/${id}`, { ...body(c.fields), ...(c.at ? { timestamp: startOf(c.at) } : {}) });
}

describe('rollups', () => {
  it('equal a recount of the worklogs after any sequence of writes', async () => {
    let targetCells = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        // Tracking moves the clock on: sign in afresh so that no session runs out midway.
        bob = client(api, await api.signIn('fabrikam', 'bob'));
        alice = client(api, await api.signIn('fabrikam', 'alice'));
        for (const c of commands) {
          const reply = await run(c);
          expect([undefined, 200, 201, 409]).toContain(reply?.status);
        }
        const { kept, recounted } = await keptAndRecounted(api.store);
        expect(kept).toEqual(recounted);
        targetCells += Object.values(kept).flat().filter((cell) => (cell as RollupCell)[7]).length;
      }),
      { numRuns: 40 },
    );
    // The runs put time on targets, so their cells were kept apart and compared too.
    expect(targetCells).toBeGreaterThan(0);
  });
});
