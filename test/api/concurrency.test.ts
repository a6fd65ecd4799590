import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { SECOND, T0, aWorklog, at, consecutiveWorklogs, overlappingPairs } from '../support/worklog-builder.js';

/**
 * Real concurrency through the HTTP layer: several clients of one user fire requests
 * together. The store yields to the event loop around each call (see InterleavingStore)
 * so that requests interleave between their reads and their conditional writes.
 */
type Client = ReturnType<typeof client>;
type Reply = Awaited<ReturnType<Client>>;
interface WorklogView { id: string; timestamp: string; length: number; user: { uniqueName: string } }

let api: TestApi;
let store: InterleavingStore;
const random = seededRandom(20250106);
const pick = (n: number) => Math.floor(random() * n);

beforeEach(async () => {
  const clock = new MutableClock(T0);
  store = new InterleavingStore(new SqliteDocumentStore(':memory:', clock), random);
  api = await startTestApi({ clock, store });
});
afterEach(() => api.close());

/** Three clients of one user: two browser sessions and one API token (for a script). */
async function threeClientsOf(user: 'bob' | 'carol'): Promise<Client[]> {
  const sessions = [await api.signIn('fabrikam', user), await api.signIn('fabrikam', user)];
  const created = await client(api, sessions[0])('POST', '/rest/apiTokens', { name: 'race' });
  return [...sessions, created.body.data.token as string].map((token) => client(api, token));
}

async function everyWorklog(c: Client): Promise<WorklogView[]> {
  const all: WorklogView[] = [];
  for (let skip = 0; ; skip += 500) {
    const page = (await c('GET', `/rest/workLogs?$count=500&$skip=${skip}`)).body.data as WorklogView[];
    all.push(...page);
    if (page.length < 500) return all;
  }
}

/** One random request: start, stop, add one worklog or add a batch of two, near "now". */
function randomRequest(c: Client): Promise<{ kind: string; reply: Reply }> {
  const now = api.clock.now();
  const near = () => at(now, (pick(9) - 5) * 5 * SECOND);
  const kind = ['start', 'stop', 'add', 'add', 'batch'][pick(5)]!;
  const send = {
    start: () => c('POST', '/tracking/client/startTracking', { workItemId: 1 + pick(5) }),
    stop: () => c('POST', '/tracking/client/stopTracking'),
    add: () => c('POST', '/rest/workLogs', aWorklog({ timestamp: near(), length: 5 + pick(4) * 5 })),
    batch: () => c('POST', '/rest/workLogs/batch', consecutiveWorklogs(2, near(), 5)),
  }[kind]!;
  return send().then((reply) => ({ kind, reply }));
}

/** The worklogs a successful reply says were written. */
function writtenBy({ kind, reply }: { kind: string; reply: Reply }): WorklogView[] {
  if (reply.status >= 300 || !reply.body.data) return [];
  if (kind === 'start' || kind === 'stop') return reply.body.data.stoppedWorklog ? [reply.body.data.stoppedWorklog] : [];
  return Array.isArray(reply.body.data) ? reply.body.data : [reply.body.data];
}

async function race(clients: Client[], rounds: number) {
  const replies: { kind: string; reply: Reply }[] = [];
  for (let round = 0; round < rounds; round++) {
    const requests = clients.flatMap((c) => Array.from({ length: 1 + pick(3) }, () => randomRequest(c)));
    replies.push(...(await Promise.all(requests)));
    api.clock.advance((5 + pick(20)) * SECOND);
  }
  return replies;
}

function expectConsistent(replies: { kind: string; reply: Reply }[], listed: WorklogView[]) {
  const unexpected = replies.filter(({ reply }) => ![200, 201, 409].includes(reply.status));
  expect(unexpected.map(({ kind, reply }) => `${kind}: ${reply.status} ${JSON.stringify(reply.body)}`)).toEqual([]);
  expect(overlappingPairs(listed)).toEqual([]);

  const reported = replies.flatMap(writtenBy);
  const byId = new Map(listed.map((w) => [w.id, w]));
  for (const worklog of reported) expect(byId.get(worklog.id), `worklog ${worklog.id} was reported but is missing`).toEqual(worklog);
  // And nothing was written that no reply reported.
  expect(new Set(reported.map((w) => w.id))).toEqual(new Set(byId.keys()));
}

describe('three clients of one user racing', () => {
  it('keep one tracker, never overlap, and answer each request truthfully (no 5xx)', async () => {
    const clients = await threeClientsOf('bob');
    const replies = await race(clients, 60);

    // Stop whatever still runs; its worklog must fit in as well.
    const current = await clients[0]!('GET', '/tracking/client/current');
    expect(current.status).toBe(200);
    if (current.body.data.tracker) {
      const trackerStart = current.body.data.tracker.startTimestamp as string;
      const before = await everyWorklog(clients[1]!);
      // No worklog that began earlier runs into the tracker. (One may begin right at its
      // start, entered for later while it had tracked nothing yet: the stop clips to it.)
      expect(before.filter((w) => w.timestamp < trackerStart && at(w.timestamp, w.length * SECOND) > trackerStart)).toEqual([]);
      replies.push({ kind: 'stop', reply: await clients[2]!('POST', '/tracking/client/stopTracking') });
    }
    expect((await clients[1]!('GET', '/tracking/client/current')).body.data.tracker).toBeNull();

    const listed = await everyWorklog(clients[0]!);
    expectConsistent(replies, listed);

    // The race was real: requests interleaved, some writes lost and were retried, work got done.
    expect(store.lostRaces).toBeGreaterThan(0);
    const succeeded = (kind: string) => replies.filter((r) => r.kind === kind && r.reply.status < 300).length;
    expect(succeeded('start')).toBeGreaterThan(5);
    expect(succeeded('add')).toBeGreaterThan(5);
    expect(replies.some((r) => r.reply.status === 409)).toBe(true);
    expect(listed.some((w) => (w as { flags?: { isTracked: boolean } }).flags?.isTracked)).toBe(true);
  });

  it('write a retried POST once when the same Idempotency-Key arrives from all three at once', async () => {
    const clients = await threeClientsOf('bob');
    // Ten times over: each race interleaves differently.
    for (let i = 1; i <= 10; i++) {
      const body = aWorklog({ timestamp: at(T0, -i * 3600 * SECOND) });
      const replies = await Promise.all(clients.map((c) => c('POST', '/rest/workLogs', body, { 'Idempotency-Key': `once-${i}` })));
      expect(replies.map((r) => `${r.status} ${JSON.stringify(r.body.error ?? null)}`)).toEqual(Array(3).fill('201 null'));
      expect(new Set(replies.map((r) => r.body.data.id)).size).toBe(1);
    }
    expect(await everyWorklog(clients[0]!)).toHaveLength(10);
  });

  it('write a 150-item batch all or nothing while other clients add and track', async () => {
    const clients = await threeClientsOf('bob');
    const big = consecutiveWorklogs(150, at(T0, -150 * 60 * SECOND), 60);
    const [batch, ...others] = await Promise.all([
      clients[0]!('POST', '/rest/workLogs/batch', big).then((reply) => ({ kind: 'batch', reply })),
      ...[10, 40, 80, 120].map((minutesAgo) =>
        clients[1]!('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -minutesAgo * 60 * SECOND), length: 30 })).then((reply) => ({ kind: 'add', reply })),
      ),
      clients[2]!('POST', '/tracking/client/startTracking', { workItemId: 2 }).then((reply) => ({ kind: 'start', reply })),
    ]);
    const listed = await everyWorklog(clients[0]!);
    expectConsistent([batch!, ...others], listed);
    const fromBatch = listed.filter((w) => big.some((b) => b.timestamp === w.timestamp && b.length === w.length));
    expect(fromBatch.length === 150 || fromBatch.length === 0).toBe(true);
    expect(fromBatch.length === 150).toBe(batch!.reply.status === 201);
  });
});

describe('two users racing', () => {
  it('do not affect each other', async () => {
    const [bob, carol] = [await threeClientsOf('bob'), await threeClientsOf('carol')];
    const both = async (call: (c: Client) => Promise<Reply>) => Promise.all([call(bob[pick(3)]!), call(carol[pick(3)]!)]);

    // 12 rounds of 4 minutes: within the hour a session lasts.
    for (let round = 0; round < 12; round++) {
      const started = await both((c) => c('POST', '/tracking/client/startTracking', { workItemId: 1 + (round % 5) }));
      api.clock.advance(2 * 60 * SECOND);
      const stopped = await both((c) => c('POST', '/tracking/client/stopTracking'));
      const now = api.clock.now();
      const added = await Promise.all([...bob, ...carol].map((c, i) => c('POST', '/rest/workLogs', aWorklog({ timestamp: at(now, (i % 3) * 40 * SECOND), length: 30 }))));
      expect([...started, ...stopped, ...added].map((r) => r.status)).toEqual([200, 200, 200, 200, 201, 201, 201, 201, 201, 201]);
      api.clock.advance(2 * 60 * SECOND);
    }

    const [bobs, carols] = [await everyWorklog(bob[0]!), await everyWorklog(carol[0]!)];
    expect(bobs).toHaveLength(12 * 4);
    expect(carols).toHaveLength(12 * 4);
    expect(bobs.filter((w) => (w as { flags?: { isTracked: boolean } }).flags?.isTracked)).toHaveLength(12);
    expect(new Set(bobs.map((w) => w.user.uniqueName))).toEqual(new Set(['bob@fabrikam.example']));
    expect(new Set(carols.map((w) => w.user.uniqueName))).toEqual(new Set(['carol@fabrikam.example']));
    expect(bobs.map((w) => [w.timestamp, w.length])).toEqual(carols.map((w) => [w.timestamp, w.length]));
    expect(overlappingPairs(bobs)).toEqual([]);
    expect(overlappingPairs(carols)).toEqual([]);
  });
});
