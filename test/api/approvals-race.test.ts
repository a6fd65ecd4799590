import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { lockOn, type WeekLock } from '../../shared/domain/week-locks.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { LAST_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { CommitLogStore } from '../support/commit-log-store.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { SECOND, T0, aWorklog, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * Approvals racing edits: three clients of carol's write to her last week (adds, batches,
 * edits, deletes) while she submits and withdraws it and her Team lead approves and reopens
 * it. The store interleaves every call. Then the commits are replayed in the order they
 * happened: none that changed a worklog of that week may have committed while it was locked.
 */
type Call = ReturnType<typeof client>;

let api: TestApi;
let log: CommitLogStore;
let store: InterleavingStore;
let w: ApprovalWorld;
const random = seededRandom(20261130);
const pick = (n: number) => Math.floor(random() * n);

beforeEach(async () => {
  const clock = new MutableClock(T0);
  log = new CommitLogStore(new SqliteDocumentStore(':memory:', clock));
  store = new InterleavingStore(log, random);
  api = await startTestApi({ clock, store });
  w = await buildApprovalWorld(api);
});
afterEach(() => api.close());

const inWeek = () => at(`${LAST_WEEK.from}T00:00:00Z`, pick(7 * 24 * 12) * 300 * SECOND);

async function carolsWorklogIds() {
  const res = await w.carol('GET', `/rest/workLogs?$fromTimestamp=2024-12-29&$toTimestamp=2025-01-07&$count=500`);
  return (res.body.data as { id: string }[]).map((x) => x.id);
}

function randomWrite(c: Call, ids: string[]) {
  const id = ids[pick(ids.length)] ?? 'none';
  const kinds = {
    add: () => c('POST', '/rest/workLogs', aWorklog({ timestamp: inWeek(), length: 60 })),
    batch: () => c('POST', '/rest/workLogs/batch', consecutiveWorklogs(3, inWeek(), 60)),
    edit: () => c('PATCH', `/rest/workLogs/${id}`, { length: 30 + pick(30) }),
    delete: () => c('DELETE', `/rest/workLogs/${id}`),
  };
  const kind = (['add', 'batch', 'edit', 'delete'] as const)[pick(4)]!;
  return kinds[kind]().then((reply) => ({ kind, reply }));
}

function randomTransition() {
  const kinds = {
    submit: () => w.carolSubmits(),
    withdraw: () => w.carol('DELETE', `/rest/timeApproval/week?weekStart=${LAST_WEEK.from}`),
    approve: () => w.decide(w.actors.teamLead, 'approve'),
    reopen: () => w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'again'),
  };
  const kind = (['submit', 'submit', 'withdraw', 'approve', 'reopen'] as const)[pick(5)]!;
  return kinds[kind]().then((reply) => ({ kind, reply }));
}

/** Replays carol's commits: the days each touched, against the locks her state held after it. */
function writesIntoLockedWeeks(pk: string) {
  const dayOf = new Map<string, string>();
  let locks: WeekLock[] = [];
  const violations: string[] = [];
  for (const [n, commit] of log.commits.entries()) {
    if (commit.pk !== pk) continue;
    const touched: string[] = [];
    for (const op of commit.operations) {
      if (op.op === 'delete') {
        if (dayOf.has(op.id)) touched.push(dayOf.get(op.id)!);
        continue;
      }
      const doc = op.doc as { id: string; type: string; localDay?: string; locks?: WeekLock[] };
      if (doc.id === 'state') locks = doc.locks ?? [];
      if (doc.type !== 'worklog') continue;
      if (dayOf.has(doc.id)) touched.push(dayOf.get(doc.id)!);
      dayOf.set(doc.id, doc.localDay!);
      touched.push(doc.localDay!);
    }
    for (const day of touched) if (lockOn(locks, day)) violations.push(`commit ${n} changed ${day} while ${JSON.stringify(lockOn(locks, day))}`);
  }
  return violations;
}

describe('approvals racing edits from several clients', () => {
  it('never let time change in a locked week: each edit commits before the lock or is refused', async () => {
    const created = await w.carol('POST', '/rest/apiTokens', { name: 'race' });
    const clients = [w.carol, client(api, await api.signIn('fabrikam', 'carol')), client(api, created.body.data.token as string)];
    const replies: { kind: string; reply: Awaited<ReturnType<Call>> }[] = [];
    for (let round = 0; round < 60; round++) {
      const ids = await carolsWorklogIds();
      const requests = [...clients.flatMap((c) => Array.from({ length: 1 + pick(3) }, () => randomWrite(c, ids))), randomTransition()];
      replies.push(...(await Promise.all(requests)));
    }

    expect(replies.filter((r) => r.reply.status >= 500).map((r) => JSON.stringify(r.reply.body))).toEqual([]);
    const pk = log.commits.find((c) => c.operations.some((op) => op.op !== 'delete' && (op.doc as { userId?: string }).userId === w.carolId))!.pk;
    expect(writesIntoLockedWeeks(pk)).toEqual([]);

    // A refusal names the week and why; the race was real: both outcomes happened, often.
    const refused = replies.filter((r) => r.reply.body.error?.code === 'approval.week_locked');
    expect(refused.every((r) => r.reply.body.error!.message.includes('2024-12-30 to 2025-01-05'))).toBe(true);
    const written = replies.filter((r) => ['add', 'batch', 'edit', 'delete'].includes(r.kind) && r.reply.status < 300);
    const locked = replies.filter((r) => ['submit', 'approve'].includes(r.kind) && r.reply.status === 200);
    console.log(`race: ${refused.length} refused by the lock, ${written.length} writes, ${locked.length} locks taken, ${store.lostRaces} lost races`);
    expect(refused.length).toBeGreaterThan(10);
    expect(written.length).toBeGreaterThan(10);
    expect(locked.length).toBeGreaterThanOrEqual(4);
    expect(store.lostRaces).toBeGreaterThan(0);

    // What an approver sees as the week's time is its worklogs, to the second.
    const week = await w.carol('GET', `/rest/workLogs?$fromTimestamp=2024-12-29&$toTimestamp=2025-01-06&$count=500`);
    const seconds = (week.body.data as { length: number }[]).reduce((sum, x) => sum + x.length, 0);
    const state = (await w.carolsWeek())?.state;
    if (state !== 'submitted') expect((await w.carolSubmits()).status).toBe(state === 'approved' ? 409 : 200);
    if (state !== 'approved') {
      const queue = await w.actors.teamLead('GET', '/approvals/queue');
      expect(queue.body.data[0].totalSeconds).toBe(seconds);
    }
  });
});
