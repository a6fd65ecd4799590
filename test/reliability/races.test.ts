import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { InterleavingStore, seededRandom } from '../support/interleaving-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { DAY, SECOND, T0, at, overlappingPairs } from '../support/worklog-builder.js';
import { everyWorklog } from './support/every-worklog.js';
import type { Device } from './support/keep-alive-client.js';
import { RaceLedger, type RaceReply, type WorklogAnswer } from './support/race-ledger.js';
import { RaceRequests } from './support/race-requests.js';
import { devicesOfOneUser } from './support/user-devices.js';

/**
 * Four devices of one user (two browser sessions, two scripts with API tokens, each on its
 * own keep-alive connections) race every write the API has over HTTP. The store yields to
 * the event loop around each call (InterleavingStore), so requests interleave between their
 * reads and their conditional writes. test/api/concurrency.test.ts holds the focused cases;
 * this is the broad, counted run.
 */
const SEED = 20261130;
const ROUNDS = 40;
const random = seededRandom(SEED);
let api: TestApi;
let store: InterleavingStore;
let devices: Device[];

beforeAll(async () => {
  const clock = new MutableClock(T0);
  store = new InterleavingStore(new SqliteDocumentStore(':memory:', clock), seededRandom(SEED + 1));
  api = await startTestApi({ clock, store });
  // No activity checks: a tracker the server stops on its own would write a worklog no answer reported.
  const admin = client(api, await api.signIn('fabrikam', 'alice'));
  expect((await admin('PUT', '/settings/tracking', aTrackingPolicy({ checks: false }))).status).toBe(200);
  devices = await devicesOfOneUser(api.url, () => api.signIn('fabrikam', 'bob'));
});
afterAll(async () => {
  for (const device of devices ?? []) device.close();
  await api?.close();
});

describe('four devices of one user racing start, stop, add, batch, patch, delete and keyed retries', () => {
  it('keep one tracker, never overlap, answer every key once, and store exactly the seconds acknowledged', { timeout: 60_000 }, async () => {
    const ledger = new RaceLedger();
    const requests = new RaceRequests(random, () => api.clock.now(), at(T0, -30 * DAY));
    const replies: RaceReply[] = [];
    const trackersSeen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const answered = await requests.round(devices, ledger);
      ledger.book(answered);
      replies.push(...answered);
      // Every device sees the same single tracker (or none).
      const current = await Promise.all(devices.map((d) => d.call('GET', '/tracking/client/current')));
      expect(new Set(current.map((c) => JSON.stringify(c.body?.data?.tracker ?? null))).size, `round ${round}: devices disagree on the tracker`).toBe(1);
      if (current[0]?.body?.data?.tracker) trackersSeen.add(current[0].body.data.tracker.startTimestamp as string);
      api.clock.advance((5 + Math.floor(random() * 20)) * SECOND);
    }
    const stop = await devices[3]!.call('POST', '/tracking/client/stopTracking');
    ledger.book([{ kind: 'stop', reply: stop }]);
    expect((await devices[0]!.call('GET', '/tracking/client/current')).body?.data?.tracker).toBeNull();

    const stored = await everyWorklog<WorklogAnswer & { flags: { isTracked: boolean } }>(devices[1]!.call);
    const keyed = [...requests.keyed.values()];
    const sentPerKey = keyed.reduce((sum, k) => sum + k.answers.length, 0);
    const bigBatches = keyed.filter((k) => Array.isArray(k.body) && k.body.length > 100).length;
    const storedSeconds = stored.reduce((sum, w) => sum + w.length, 0);
    const statuses = [...ledger.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => `${label}: ${n}`).join(', ');
    console.log(`reliability/races: ${devices.length} devices, ${ROUNDS} rounds (seed ${SEED}), ${ledger.requests} writes (${statuses}); ${trackersSeen.size} trackers seen running; ` +
      `${keyed.length} Idempotency-Keys sent ${sentPerKey} times, ${bigBatches} keyed batches over 100 items; ${store.lostRaces} conditional writes lost a race; ` +
      `${stored.length} worklogs stored (${stored.filter((w) => w.flags.isTracked).length} tracked, ${ledger.deleted.size} deleted), ` +
      `${storedSeconds} s stored, ${ledger.seconds()} s acknowledged`);

    const unexpected = replies.filter(({ kind, reply }) => !(reply.status < 300 || reply.status === 409 || (reply.status === 404 && ['patch', 'delete'].includes(kind))));
    expect.soft(unexpected.map(({ kind, reply }) => `${kind}: ${reply.status} ${JSON.stringify(reply.body)}`), 'answers other than 2xx, 409 and 404').toEqual([]);
    expect.soft(overlappingPairs(stored), 'worklogs that overlap').toEqual([]);
    // Every answer to a key is the first one, a 201: never a second write, never a 409 against itself.
    // Until issue 9 defect 1 lands this fails now and then for keyed batches over 99 items (committed in chunks).
    const size = (body: unknown) => (Array.isArray(body) ? `a batch of ${body.length}` : 'one worklog');
    const unlike = keyed.filter((k) => k.answers.some((a) => a.status !== 201 || JSON.stringify(a) !== JSON.stringify(k.answers[0])));
    expect.soft(unlike.map((k) => `${k.key} (${size(k.body)}): ${k.answers.map((a) => `${a.status} ${a.body?.error?.code ?? ''}`.trim()).join(', ')}`), 'keys whose answers differ').toEqual([]);
    // Each key wrote its slot once: in each place it asked for, the worklog its answer named, unless that was deleted since.
    const storedAt = new Map(stored.map((w) => [w.timestamp, w.id]));
    const keyMisses = keyed.flatMap((k) => [(k.answers.find((a) => a.status === 201)?.body?.data ?? []) as WorklogAnswer | WorklogAnswer[]].flat()
      .filter((w) => storedAt.get(w.timestamp) !== (ledger.deleted.has(w.id) ? undefined : w.id))
      .map((w) => `${k.key}: at ${w.timestamp} ${storedAt.get(w.timestamp) ?? 'nothing'} is stored, not ${w.id}`));
    expect.soft(keyMisses.slice(0, 10), 'keys that did not write their worklogs exactly once').toEqual([]);
    // Exactly what the answers acknowledged is stored, with the length the last acknowledged change gave it.
    const storedLength = new Map(stored.map((w) => [w.id, w.length]));
    expect.soft(stored.filter((w) => ledger.lengths.get(w.id) !== w.length).map((w) => `${w.id}: ${w.length} s stored, ${ledger.lengths.get(w.id) ?? 'never'} acknowledged`).slice(0, 10), 'stored lengths that no answer acknowledged').toEqual([]);
    expect.soft(ledger.live().filter((id) => !storedLength.has(id)).map((id) => `${id}: acknowledged, not stored`).slice(0, 10), 'acknowledged worklogs missing').toEqual([]);
    expect.soft(storedSeconds, 'seconds stored equal seconds acknowledged').toBe(ledger.seconds());

    // The race was real: conditional writes lost, refusals answered, every kind of write got through.
    expect(store.lostRaces).toBeGreaterThan(0);
    expect(ledger.count('409 worklog.overlap')).toBeGreaterThan(0);
    for (const kind of ['start', 'stop', 'add', 'batch', 'keyed batch', 'late retry', 'patch', 'delete'] as const) {
      expect(replies.filter((r) => r.kind === kind && r.reply.status < 300).length, `successful ${kind}`).toBeGreaterThan(0);
    }
    expect(bigBatches).toBeGreaterThan(0);
  });
});
