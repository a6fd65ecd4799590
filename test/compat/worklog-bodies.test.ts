import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, T0, at } from '../support/worklog-builder.js';
import { NOT_SET, startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §2.5: worklog bodies as 7pace's docs and clients spell them. */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

const mine = async () => (await w.bob('GET', '/rest/workLogs?$count=500')).body.data as { timestamp: string; length: number }[];

describe('POST /api/rest/workLogs', () => {
  it('takes D1\'s body with timeStamp (capital S) and answers { data: workLog } in 7pace\'s shape', async () => {
    const res = await w.bob('POST', '/rest/workLogs?api-version=3.2', { timeStamp: '2025-01-03T10:00:00Z', length: 3600, workItemId: 1, comment: 'Review' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      id: expect.any(String), timestamp: '2025-01-03T10:00:00Z', length: 3600, billableLength: 3600, workItemId: 1, comment: 'Review',
      user: { id: w.idOf('bob'), uniqueName: 'bob@fabrikam.example' }, addedByUser: { id: w.idOf('bob') },
      activityType: { id: expect.any(String), name: expect.any(String), color: expect.stringMatching(/^[0-9a-f]{6}$/) },
      flags: { isTracked: false, isManuallyEntered: true, isChanged: false },
      createdTimestamp: expect.any(String), localTimestamp: '2025-01-03T10:00:00', utcOffsetMinutes: 0,
    });
  });

  it('binds keys in any casing, a workItemId sent as text, and 7pace\'s "[Not Set]" activity type', async () => {
    const res = await w.bob('POST', '/rest/workLogs', { TIMESTAMP: '2025-01-03T10:00:00Z', Length: 600, WorkItemId: '2', activityTypeId: NOT_SET, repoId: null, repoFullName: null });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ workItemId: 2, length: 600, activityType: { id: NOT_SET, name: '[Not Set]', color: 'ffffff' } });
  });

  it('refuses a key spelled twice (timestamp and timeStamp) rather than guessing', async () => {
    const res = await w.bob('POST', '/rest/workLogs', { timestamp: '2025-01-03T10:00:00Z', timeStamp: '2025-01-03T11:00:00Z', length: 600, workItemId: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('timeStamp');
  });

  it("reads a timestamp without an offset as the user's local time: their zone from settings, else UTC; the instant is kept", async () => {
    const utc = await w.bob('POST', '/rest/workLogs', { timeStamp: '2025-01-02T09:00:00', length: 600, workItemId: 1 });
    expect(utc.body.data).toMatchObject({ timestamp: '2025-01-02T09:00:00Z', utcOffsetMinutes: 0 });
    await w.bob('PUT', '/rest/me/settings', { emailNotificationsOnTracking: true, timeZone: 'Europe/Berlin' });
    const berlin = await w.bob('POST', '/rest/workLogs', { timeStamp: '2025-01-03T09:00:00', length: 600, workItemId: 1 });
    expect(berlin.body.data).toMatchObject({ timestamp: '2025-01-03T08:00:00Z', utcOffsetMinutes: 60, localTimestamp: '2025-01-03T09:00:00', localDay: '2025-01-03' });
    const summer = await w.bob('POST', '/rest/workLogs', { timeStamp: '2024-07-01T09:00:00.5', length: 600, workItemId: 1 });
    expect(summer.body.data).toMatchObject({ timestamp: '2024-07-01T07:00:00Z', utcOffsetMinutes: 120 });
    const minutes = await w.bob('POST', '/rest/workLogs', { timeStamp: '2025-01-04T09:00:00', timeZone: -300, length: 600, workItemId: 1 });
    expect(minutes.body.data).toMatchObject({ timestamp: '2025-01-04T14:00:00Z', utcOffsetMinutes: -300, localTimestamp: '2025-01-04T09:00:00' });
  });

  it('starts a worklog without timeStamp now, as 7pace does', async () => {
    const res = await w.bob('POST', '/rest/workLogs', { length: 60, comment: 'just now' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ timestamp: T0, workItemId: null, comment: 'just now' });
  });

  it.each([
    ['without length', 400, 'LengthIsRequired', { timeStamp: T0, workItemId: 1 }],
    ['with length 0', 422, 'LengthMustBePositive', { timeStamp: T0, workItemId: 1, length: 0 }],
    ['with neither work item nor comment', 422, 'WorkItemIdOrCommentRequired', { timeStamp: T0, length: 60 }],
    ['two days ahead', 422, 'FutureCheckFailed', { timeStamp: at(T0, 48 * HOUR), length: 60, workItemId: 1 }],
  ] as const)('answers a worklog %s with %i and 7pace\'s %s beside Timehub\'s code', async (_case, status, errorCode, body) => {
    const res = await w.bob('POST', '/rest/workLogs', body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), statusCode: status, errorCode, errorDescription: res.body.error.message });
    expect(await mine()).toEqual([]);
  });
});

describe('POST /api/rest/workLogs/batch', () => {
  const item = (hoursBack: number, extra: Record<string, unknown> = {}) => ({ timeStamp: at(T0, -hoursBack * HOUR), length: 1800, workItemId: 1, ...extra });

  it('checks without writing under validateOnly=true and $validateOnly=True, then writes with validateOnly=false', async () => {
    for (const query of ['validateOnly=true', '$validateOnly=True', '_validateOnly=1']) {
      const res = await w.bob('POST', `/rest/workLogs/batch?${query}&api-version=3.0-preview`, [item(3), item(2)]);
      expect(res.status, query).toBe(201);
      expect(res.body.data).toHaveLength(2);
    }
    expect(await mine()).toEqual([]);
    expect((await w.bob('POST', '/rest/workLogs/batch?validateOnly=false', [item(3), item(2)])).body.data).toHaveLength(2);
    expect(await mine()).toHaveLength(2);
  });

  it("writes each item for its own userId when the caller may write others' time, in the order sent", async () => {
    const res = await w.alice('POST', '/rest/workLogs/batch', [item(5, { userId: w.idOf('bob') }), item(5, { userId: w.idOf('carol') }), item(4, { userId: w.idOf('bob') }), item(3)]);
    expect(res.status).toBe(201);
    expect(res.body.data.map((l: { user: { uniqueName: string } }) => l.user.uniqueName)).toEqual(['bob@fabrikam.example', 'carol@fabrikam.example', 'bob@fabrikam.example', 'alice@fabrikam.example']);
    expect(await mine()).toHaveLength(2);
    expect(res.body.data[0].addedByUser.id).toBe(w.idOf('alice'));
  });

  it('writes nothing for anyone when one user\'s items fail, and names the failing item by its place in the batch', async () => {
    const res = await w.alice('POST', '/rest/workLogs/batch', [item(5, { userId: w.idOf('carol') }), item(4, { userId: w.idOf('bob'), length: 0 })]);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ index: 1, code: 'worklog.length_out_of_range' })]);
    expect((await w.alice('GET', `/rest/workLogs?userId=${w.idOf('carol')}`)).body.data).toEqual([]);
  });

  it("refuses a Member's item for someone else with 403 AccessDenied and writes none", async () => {
    const res = await w.bob('POST', '/rest/workLogs/batch', [item(3), item(2, { userId: w.idOf('carol') })]);
    expect(res.status).toBe(403);
    expect(res.body.error.errorCode).toBe('AccessDenied');
    expect(await mine()).toEqual([]);
  });

  it('refuses more than 500 items with 413 (G1), in the error envelope, and writes none', async () => {
    const res = await w.bob('POST', '/rest/workLogs/batch?api-version=3.2', Array.from({ length: 501 }, (_, i) => ({ timeStamp: at(T0, -(i + 1) * 3600_000 / 4), length: 60, workItemId: 1 })));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'request.too_many_items', statusCode: 413, message: expect.stringContaining('at most 500') });
    expect(await mine()).toEqual([]);
  });
});

describe('PATCH /api/rest/workLogs/{id}', () => {
  it('keeps fields left out, and takes timeStamp in local time at the worklog\'s own offset', async () => {
    const created = (await w.bob('POST', '/rest/workLogs', { timeStamp: '2025-01-03T09:00:00+02:00', length: 600, workItemId: 1 })).body.data;
    const patched = await w.bob('PATCH', `/rest/workLogs/${created.id}?api-version=3.2`, { TimeStamp: '2025-01-03T10:00:00' });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ timestamp: '2025-01-03T08:00:00Z', utcOffsetMinutes: 120, length: 600, workItemId: 1, flags: { isChanged: true } });
    expect((await w.bob('DELETE', `/rest/workLogs/${created.id}`)).status).toBe(200);
  });
});
