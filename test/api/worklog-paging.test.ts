import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SKIP_WINDOW } from '../../shared/contracts/worklogs.js';
import { SCAN_HORIZON } from '../../shared/worklogs/worklog-pages.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

let api: TestApi;
let token: (user: 'alice' | 'bob' | 'carol') => Promise<string>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  token = (user) => api.signIn('fabrikam', user);
});
afterEach(() => api.close());

interface Listed {
  id: string;
  timestamp: string;
}

/** GET with the raw response, so that the continuation header can be read. */
async function get(bearer: string, path: string) {
  const res = await fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await res.json()) as { data?: Listed[]; error?: { code: string; message: string } };
  return { status: res.status, body, continuation: res.headers.get('x-continuation-token'), headers: res.headers };
}

/** Follows X-Continuation-Token from the first page to the last. */
async function walk(bearer: string, path: string, query: string) {
  const visited: Listed[] = [];
  let pages = 0;
  for (let next: string | null = ''; next !== null; pages++) {
    const res = await get(bearer, `${path}?${query}${next ? `&$continuationToken=${next}` : ''}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    visited.push(...res.body.data!);
    next = res.continuation;
  }
  return { visited, pages };
}

const inKeyOrder = (worklogs: Listed[]) =>
  [...worklogs].sort((a, b) => (a.timestamp === b.timestamp ? (a.id < b.id ? -1 : 1) : a.timestamp < b.timestamp ? -1 : 1));

describe('paging worklog lists by continuation token', () => {
  it('visits each of a user’s worklogs exactly once, oldest first, and the last page sends no token', async () => {
    const bob = await token('bob');
    expect((await client(api, bob)('POST', '/rest/workLogs/batch', consecutiveWorklogs(60, at(T0, -3 * DAY)))).status).toBe(201);
    const { visited, pages } = await walk(bob, '/rest/workLogs', '$count=7');
    expect(visited).toHaveLength(60);
    expect(new Set(visited.map((w) => w.id)).size).toBe(60);
    expect(visited).toEqual(inKeyOrder(visited));
    expect(pages).toBe(9);
    expect((await get(bob, '/rest/workLogs?$count=7')).headers.get('access-control-expose-headers')).toBe('X-Continuation-Token');
  });

  it('visits each worklog of the org exactly once in (timestamp, id) order when many start at the same second', async () => {
    const batch = consecutiveWorklogs(40, at(T0, -3 * DAY));
    for (const user of ['alice', 'bob', 'carol'] as const) {
      expect((await client(api, await token(user))('POST', '/rest/workLogs/batch', batch)).status).toBe(201);
    }
    const alice = await token('alice');
    const { visited } = await walk(alice, '/rest/workLogs/all', '$count=7');
    expect(visited).toHaveLength(120);
    expect(new Set(visited.map((w) => w.id)).size).toBe(120);
    expect(visited).toEqual(inKeyOrder(visited));
    // 7pace's lower bound is strict: a second earlier includes the worklog starting at 10 minutes.
    const filtered = await walk(alice, '/rest/workLogs/all', `$count=4&$fromTimestamp=${at(T0, -3 * DAY + 10 * 60_000 - 1000)}&$toTimestamp=${at(T0, -3 * DAY + 20 * 60_000)}`);
    expect(filtered.visited.map((w) => w.id)).toEqual(visited.slice(30, 60).map((w) => w.id));
  });

  it('with a rarely matching filter, pages stop at a scan horizon and the tokens still visit every match once', async () => {
    const bob = await token('bob');
    const post = client(api, bob);
    const all = consecutiveWorklogs(2 * SCAN_HORIZON, at(T0, -10 * DAY)).map((w, i) => ({ ...w, workItemId: i % 700 === 699 ? 2 : 1 }));
    for (let i = 0; i < all.length; i += 500) expect((await post('POST', '/rest/workLogs/batch', all.slice(i, i + 500))).status).toBe(201);
    const { visited, pages } = await walk(bob, '/rest/workLogs', '$count=500&$workItemIds=2');
    expect(visited.map((w) => w.timestamp)).toEqual(all.filter((w) => w.workItemId === 2).map((w) => w.timestamp));
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('continues after a $skip page: the token points past its last worklog', async () => {
    const bob = await token('bob');
    await client(api, bob)('POST', '/rest/workLogs/batch', consecutiveWorklogs(10, at(T0, -DAY)));
    const all = (await get(bob, '/rest/workLogs')).body.data!;
    const first = await get(bob, '/rest/workLogs?$skip=2&$count=3');
    const next = await get(bob, `/rest/workLogs?$count=3&$continuationToken=${first.continuation}`);
    expect([...first.body.data!, ...next.body.data!].map((w) => w.id)).toEqual(all.slice(2, 8).map((w) => w.id));
  });
});

describe('a continuation token belongs to its query', () => {
  let bob: string;
  let continuation: string;
  beforeEach(async () => {
    bob = await token('bob');
    await client(api, bob)('POST', '/rest/workLogs/batch', consecutiveWorklogs(10, at(T0, -DAY)));
    continuation = (await get(bob, `/rest/workLogs?$count=3&$workItemIds=1`)).continuation!;
    expect(continuation).toBeTruthy();
  });

  const refused = async (bearer: string, path: string) => {
    const res = await get(bearer, path);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('request.invalid_continuation_token');
    expect(res.body.error?.message).toContain('$continuationToken');
  };

  it('answers 400 to the token with another filter', () => refused(bob, `/rest/workLogs?$count=3&$workItemIds=1,2&$continuationToken=${continuation}`));
  it('answers 400 to the token on the org-wide list', async () => refused(await token('alice'), `/rest/workLogs/all?$workItemIds=1&$continuationToken=${continuation}`));
  it('answers 400 to the token from another user', async () => refused(await token('carol'), `/rest/workLogs?$workItemIds=1&$continuationToken=${continuation}`));
  it('answers 400 to a token whose position was edited', async () => {
    const decoded = JSON.parse(Buffer.from(continuation, 'base64url').toString()) as { after: [string, string] };
    decoded.after[0] = at(T0, -2 * DAY);
    await refused(bob, `/rest/workLogs?$workItemIds=1&$continuationToken=${Buffer.from(JSON.stringify(decoded)).toString('base64url')}`);
  });
  it.each([['garbage', 'not-a-token'], ['truncated', 'TRUNCATE'], ['empty JSON', Buffer.from('{}').toString('base64url')]])(
    'answers 400 to a %s token',
    async (_case, raw) => refused(bob, `/rest/workLogs?$workItemIds=1&$continuationToken=${raw === 'TRUNCATE' ? continuation.slice(0, -6) : raw}`),
  );
  it('accepts it back unchanged with the same filters', async () => {
    expect((await get(bob, `/rest/workLogs?$count=3&$workItemIds=1&$continuationToken=${continuation}`)).status).toBe(200);
  });
});

describe('$skip stays within a window', () => {
  it(`answers $skip + $count up to ${SKIP_WINDOW}, and 400 naming the continuation token beyond`, async () => {
    const bob = await token('bob');
    expect((await get(bob, `/rest/workLogs?$skip=${SKIP_WINDOW - 100}&$count=100`)).status).toBe(200);
    for (const query of [`$skip=${SKIP_WINDOW - 99}&$count=100`, `$skip=${SKIP_WINDOW}`, '$skip=30000']) {
      for (const path of ['/rest/workLogs', '/rest/workLogs/all']) {
        const res = await get(path.endsWith('all') ? await token('alice') : bob, `${path}?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error?.code).toBe('request.skip_too_deep');
        expect(res.body.error?.message).toContain('$continuationToken');
      }
    }
  });
});
