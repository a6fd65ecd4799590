import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, HOUR, MINUTE, T0, aWorklog, at, consecutiveWorklogs } from '../support/worklog-builder.js';

let api: TestApi;
let bob: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

const listAll = async (as = bob) => (await as('GET', '/rest/workLogs?$count=500')).body.data as { id: string; timestamp: string }[];

describe('one worklog: create, get, patch, delete', () => {
  it('creates a worklog entered by hand and reads it back', async () => {
    const created = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -2 * HOUR), length: 3600, comment: 'review', activityTypeId: 'testing' }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      timestamp: at(T0, -2 * HOUR), length: 3600, billableLength: 3600, workItemId: 1, comment: 'review',
      activityType: { id: 'testing', name: 'Testing' }, user: { name: 'Bob Brandt' }, addedByUser: { name: 'Bob Brandt' },
      createdTimestamp: T0, editedTimestamp: null,
      flags: { isTracked: false, isManuallyEntered: true, isChanged: false, isBillable: true },
    });
    const read = await bob('GET', `/rest/workLogs/${created.body.data.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(created.body.data);
  });

  it('patches a worklog, flagging it isChanged with an editedTimestamp', async () => {
    const { id } = (await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -HOUR) }))).body.data;
    api.clock.advance(5 * MINUTE);
    const patched = await bob('PATCH', `/rest/workLogs/${id}`, { length: 900, comment: 'shorter' });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ id, length: 900, billableLength: 900, comment: 'shorter', workItemId: 1, editedTimestamp: at(T0, 5 * MINUTE) });
    expect(patched.body.data.flags).toMatchObject({ isChanged: true, isManuallyEntered: true });
    expect((await bob('GET', `/rest/workLogs/${id}`)).body.data).toEqual(patched.body.data);
  });

  it('refuses a patch that would overlap another worklog, naming it', async () => {
    const first = (await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -2 * HOUR) }))).body.data;
    const second = (await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -HOUR) }))).body.data;
    const res = await bob('PATCH', `/rest/workLogs/${second.id}`, { timestamp: at(T0, -2 * HOUR + 10 * MINUTE) });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain(first.id);
    expect((await bob('GET', `/rest/workLogs/${second.id}`)).body.data).toEqual(second);
  });

  it('deletes a worklog; it is then gone', async () => {
    const { id } = (await bob('POST', '/rest/workLogs', aWorklog())).body.data;
    const res = await bob('DELETE', `/rest/workLogs/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id, deleted: true });
    expect((await bob('GET', `/rest/workLogs/${id}`)).status).toBe(404);
    expect((await bob('DELETE', `/rest/workLogs/${id}`)).status).toBe(404);
  });
});

describe('worklog rules', () => {
  it.each([
    ['length 0', { length: 0 }, 'worklog.length_out_of_range'],
    ['length over 24 hours', { length: 86_401 }, 'worklog.length_out_of_range'],
    ['neither work item nor comment', { workItemId: null, comment: '  ' }, 'worklog.needs_work_item_or_comment'],
    ['an unknown work item', { workItemId: 4711 }, 'worklog.unknown_work_item'],
    ['a start more than a day ahead', { timestamp: at(T0, DAY + MINUTE) }, 'worklog.too_far_in_future'],
  ])('refuses %s with 422 and writes nothing', async (_case, override, code) => {
    const res = await bob('POST', '/rest/workLogs', aWorklog(override));
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe(code);
    expect(await listAll()).toEqual([]);
  });

  it('accepts exactly 24 hours, a comment without a work item, and a start one day ahead', async () => {
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -3 * DAY), length: 86_400 }))).status).toBe(201);
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -5 * HOUR), workItemId: null, comment: 'standup' }))).status).toBe(201);
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, DAY) }))).status).toBe(201);
  });

  it('refuses an overlap with 409 naming the overlapped worklog', async () => {
    const first = (await bob('POST', '/rest/workLogs', aWorklog())).body.data;
    const res = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, 29 * MINUTE) }));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('worklog.overlap');
    expect(res.body.error?.message).toContain(first.id);
    expect((await listAll()).map((w) => w.id)).toEqual([first.id]);
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, 30 * MINUTE) }))).status).toBe(201);
  });
});

describe('GET /api/rest/workLogs', () => {
  beforeEach(async () => {
    const batch = [1, 2, 3, 1, 2].map((workItemId, i) => aWorklog({ timestamp: at(T0, -i * DAY), length: 600, workItemId }));
    expect((await bob('POST', '/rest/workLogs/batch', batch)).status).toBe(201);
  });
  const times = async (query: string) => ((await bob('GET', `/rest/workLogs?${query}`)).body.data as { timestamp: string }[]).map((w) => w.timestamp);

  it('lists oldest first and filters by time with 7pace\'s strict bounds ($fromTimestamp after, $toTimestamp before)', async () => {
    expect(await times('')).toEqual([4, 3, 2, 1, 0].map((d) => at(T0, -d * DAY)));
    expect(await times(`$fromTimestamp=${at(T0, -2 * DAY)}&$toTimestamp=${T0}`)).toEqual([at(T0, -DAY)]);
    expect(await times(`$fromTimestamp=${at(T0, -2 * DAY - 1000)}&$toTimestamp=${at(T0, 1000)}`)).toEqual([at(T0, -2 * DAY), at(T0, -DAY), T0]);
  });

  it.each([
    ['a $fromTimestamp after $toTimestamp', `$fromTimestamp=${at(T0, HOUR)}&$toTimestamp=${T0}`, '$fromTimestamp must not be after $toTimestamp'],
    ['a $toTimestamp in the year 9999', '$toTimestamp=9999-12-31T00:00:00Z', 'query.$toTimestamp'],
    ['a $fromTimestamp in the year 0', '$fromTimestamp=0000-01-01T00:00:00Z', 'between 1970-01-01 and 2099-12-31'],
  ])('answers 400 to %s', async (_case, query, mentions) => {
    for (const path of ['/rest/workLogs', '/rest/workLogs/all']) {
      const res = await client(api, await api.signIn('fabrikam', 'alice'))('GET', `${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toContain(mentions);
    }
  });

  it('filters by work item ids and pages with $count and $skip', async () => {
    const items = (await bob('GET', '/rest/workLogs?$workItemIds=1,3')).body.data.map((w: { workItemId: number }) => w.workItemId);
    expect(items).toEqual([1, 3, 1]);
    expect(await times('$count=2&$skip=1')).toEqual([at(T0, -3 * DAY), at(T0, -2 * DAY)]);
  });

  it.each([
    ['$count=501', 'query.$count'],
    ['$count=0', 'query.$count'],
    ['$workItemIds=a,b', 'query.$workItemIds'],
    ['$fromTimestamp=yesterday', 'query.$fromTimestamp'],
    ['$top=501', 'query.$top'],
    ['$bogus=3', '$bogus'],
  ])('answers 400 to %s, naming %s', async (query, mentions) => {
    const res = await bob('GET', `/rest/workLogs?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('request.invalid');
    expect(res.body.error?.message).toContain(mentions);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried POST with the first result and writes once', async () => {
    const headers = { 'Idempotency-Key': 'retry-1' };
    const first = await bob('POST', '/rest/workLogs', aWorklog(), headers);
    api.clock.advance(MINUTE);
    const again = await bob('POST', '/rest/workLogs', aWorklog(), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await listAll()).toHaveLength(1);
  });

  it('refuses the same key with another body with 422', async () => {
    const headers = { 'Idempotency-Key': 'retry-2' };
    expect((await bob('POST', '/rest/workLogs', aWorklog(), headers)).status).toBe(201);
    const res = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, HOUR) }), headers);
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('idempotency.key_reused');
    expect(await listAll()).toHaveLength(1);
  });
});

describe('POST /api/rest/workLogs/batch', () => {
  const batch = (body: unknown, query = '') => bob('POST', `/rest/workLogs/batch${query}`, body);

  it('writes three valid worklogs', async () => {
    const res = await batch(consecutiveWorklogs(3, at(T0, -HOUR), 600));
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(3);
    expect((await listAll()).map((w) => w.id)).toEqual(res.body.data.map((w: { id: string }) => w.id));
  });

  it('refuses the whole batch with 422 when one item breaks a rule, listing it by index', async () => {
    const items = consecutiveWorklogs(3, at(T0, -HOUR), 600);
    items[1] = { ...items[1]!, workItemId: 999 };
    const res = await batch(items);
    expect(res.status).toBe(422);
    expect(res.body.error?.details).toEqual([expect.objectContaining({ index: 1, code: 'worklog.unknown_work_item', path: 'workItemId' })]);
    expect(await listAll()).toEqual([]);
  });

  it('refuses a batch that overlaps itself with 409', async () => {
    const res = await batch([aWorklog(), aWorklog({ timestamp: at(T0, 10 * MINUTE) })]);
    expect(res.status).toBe(409);
    expect(res.body.error?.details).toEqual([expect.objectContaining({ index: 1, code: 'worklog.overlap' })]);
    expect(await listAll()).toEqual([]);
  });

  it('checks without writing when validateOnly=true', async () => {
    const res = await batch(consecutiveWorklogs(3, at(T0, -HOUR), 600), '?validateOnly=true');
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(3);
    expect(await listAll()).toEqual([]);
  });

  it('refuses more than 500 items with 413, as 7pace does', async () => {
    const res = await batch(consecutiveWorklogs(501, at(T0, -20 * HOUR), 60));
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/at most 500/);
    expect(await listAll()).toEqual([]);
  });

  it('writes a batch larger than one store batch (150 items) completely', async () => {
    const res = await batch(consecutiveWorklogs(150, at(T0, -10 * HOUR), 60));
    expect(res.status).toBe(201);
    const listed = await listAll();
    expect(listed).toHaveLength(150);
    expect(new Set(listed.map((w) => w.id))).toEqual(new Set(res.body.data.map((w: { id: string }) => w.id)));
  });
});

describe('GET /api/rest/workLogs/all', () => {
  it('answers 403 to members', async () => {
    const res = await bob('GET', '/rest/workLogs/all');
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('auth.forbidden');
  });

  it("shows an admin everyone's worklogs of her own org only", async () => {
    const carol = client(api, await api.signIn('fabrikam', 'carol'));
    const stranger = client(api, await api.signIn('contoso', 'bob'));
    const mine = (await bob('POST', '/rest/workLogs', aWorklog())).body.data.id;
    const hers = (await carol('POST', '/rest/workLogs', aWorklog())).body.data.id;
    expect((await stranger('POST', '/rest/workLogs', aWorklog())).status).toBe(201);

    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const res = await alice('GET', '/rest/workLogs/all');
    expect(res.status).toBe(200);
    expect(res.body.data.map((w: { id: string }) => w.id).sort()).toEqual([mine, hers].sort());
    expect(res.body.data.map((w: { user: { uniqueName: string } }) => w.user.uniqueName).sort()).toEqual(['bob@fabrikam.example', 'carol@fabrikam.example']);
  });
});

describe('bad input leaves the store unchanged', () => {
  const send = (method: string, path: string, body: string) => bob(method, path, body);

  it.each([
    ['malformed JSON', 'POST', '/rest/workLogs', '{"timestamp": "2025-01-06T08:00:00Z", "length": ', 400, 'request.malformed_json', 'not valid JSON'],
    ['a string length', 'POST', '/rest/workLogs', JSON.stringify({ ...aWorklog(), length: '600' }), 400, 'request.invalid', 'body.length'],
    ['a bad timestamp', 'POST', '/rest/workLogs', JSON.stringify({ ...aWorklog(), timestamp: 'monday' }), 400, 'request.invalid', 'body.timestamp'],
    ['an unknown field', 'POST', '/rest/workLogs', JSON.stringify({ ...aWorklog(), userName: 'alice' }), 400, 'request.invalid', 'userName'],
    ['a batch that is not a list', 'POST', '/rest/workLogs/batch', JSON.stringify(aWorklog()), 400, 'request.invalid', 'body'],
    ['a wrong type in a batch item', 'POST', '/rest/workLogs/batch', JSON.stringify([aWorklog(), { ...aWorklog(), workItemId: 'x' }]), 400, 'request.invalid', 'body.1.workItemId'],
    ['malformed JSON in a patch', 'PATCH', '/rest/workLogs/{id}', '{length: 5}', 400, 'request.malformed_json', 'not valid JSON'],
    ['a wrong type in a patch', 'PATCH', '/rest/workLogs/{id}', JSON.stringify({ length: true }), 400, 'request.invalid', 'body.length'],
    ['a worklog in the year 0', 'POST', '/rest/workLogs', JSON.stringify(aWorklog({ timestamp: '0000-01-01T00:00:00Z' })), 400, 'request.invalid', 'between 1970-01-01 and 2099-12-31'],
    ['a worklog in 2100', 'POST', '/rest/workLogs/batch', JSON.stringify([aWorklog({ timestamp: '2100-01-01T00:00:00+00:00' })]), 400, 'request.invalid', 'body.0.timestamp'],
    ['a day before 1970 in a patch', 'PATCH', '/rest/workLogs/{id}', JSON.stringify({ timestamp: '1969-12-31T23:59:59Z' }), 400, 'request.invalid', 'body.timestamp'],
    ['a body over 1 MB', 'POST', '/rest/workLogs', JSON.stringify({ ...aWorklog(), comment: 'x'.repeat(1024 * 1024) }), 413, 'request.too_large', '1048576'],
    ['a body of 20 MB', 'POST', '/rest/workLogs', 'x'.repeat(20 * 1024 * 1024), 413, 'request.too_large', '1048576'],
  ])('answers %s with the documented status and message', async (_case, method, path, body, status, code, mentions) => {
    const existing = (await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -DAY) }))).body.data;
    const before = await bob('GET', '/rest/workLogs');
    const res = await send(method, path.replace('{id}', existing.id), body);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message).toContain(mentions);
    expect(await bob('GET', '/rest/workLogs')).toEqual(before);
  });
});
