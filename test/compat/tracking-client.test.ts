import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../support/worklog-builder.js';
import { NOT_SET, startCompatWorld, type Answer, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §3: the tracking client API, in its path and query forms. */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

const T = '/tracking/client';
const start = (body: Record<string, unknown>) => w.bob('POST', `${T}/startTracking?api-version=3.2`, body);

describe('the tracking client API', () => {
  it("starts with D2's body (tfsId, remark, activityTypeId, isBillable, timeZone in minutes) and stops by path or by $reason", async () => {
    const started = await start({ timeZone: 120, tfsId: 2, remark: 'string', activityTypeId: NOT_SET, isBillable: true });
    expect(started.status).toBe(200);
    expect(started.body.data.tracker).toMatchObject({ workItemId: 2, comment: 'string', activityTypeId: 'development', isBillable: true });
    w.api.clock.advance(30 * MINUTE);
    const stopped = await w.bob('POST', `${T}/stopTracking/0?api-version=3.2`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ track: null, tracker: null, trackSettings: { isTrackingStartAllowed: true, responseState: 'OK' } });
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ length: 1800, workItemId: 2, utcOffsetMinutes: 120, flags: { isTracked: true } });

    await start({ tfsId: 1, isBillable: null });
    w.api.clock.advance(10 * MINUTE);
    expect((await w.bob('POST', `${T}/stopTracking?api-version=3.2&$reason=0`)).body.data.stoppedWorklog).toMatchObject({ length: 600, workItemId: 1 });
  });

  it('answers current in both forms: ?$expand=true and current/{expand}, in data on 3.x and bare on 2.1', async () => {
    expect((await w.bob('GET', `${T}/current?api-version=3.2&$expand=true`)).body.data).toMatchObject({ track: null, tracker: null });
    await start({ tfsId: 3, timeZone: 0 });
    for (const [path, state] of [
      [`${T}/current?$expand=true&api-version=3.2`, (b: Answer['body']) => b.data],
      [`${T}/current/true?api-version=2.1`, (b: Answer['body']) => b],
      [`${T}/current/false`, (b: Answer['body']) => b.data],
    ] as const) {
      const res = await w.bob('GET', path);
      expect(res.status, path).toBe(200);
      expect(state(res.body), path).toMatchObject({ track: { tfsId: 3, trackingState: 0 }, tracker: { workItemId: 3 } });
    }
  });

  it('adjusts the running track\'s remark and activity type; 409 when none runs', async () => {
    expect((await w.bob('POST', `${T}/adjust?api-version=3.2`, { remark: 'comment' })).status).toBe(409);
    await start({ tfsId: 1 });
    const adjusted = await w.bob('POST', `${T}/adjust?api-version=3.2`, { remark: 'comment', activityTypeId: 'meeting' });
    expect(adjusted.body.data.track).toMatchObject({ tfsId: 1, remark: 'comment', activityTypeId: 'meeting' });
    expect(adjusted.body.data.tracker).toMatchObject({ workItemId: 1, comment: 'comment', activityTypeId: 'meeting' });
    expect((await w.bob('POST', `${T}/adjust`, { activityTypeId: 'no-such-type' })).status).toBe(422);
    w.api.clock.advance(5 * MINUTE);
    const worklog = (await w.bob('POST', `${T}/stopTracking`)).body.data.stoppedWorklog;
    expect(worklog).toMatchObject({ comment: 'comment', activityType: { id: 'meeting' } });
  });

  it('lists the latest tracks newest first, by latest?$count= and latest/{count}', async () => {
    for (const tfsId of [1, 2, 3]) {
      await start({ tfsId });
      w.api.clock.advance(MINUTE);
    }
    await w.bob('POST', `${T}/stopTracking/1`);
    await w.bob('POST', '/rest/workLogs', { timeStamp: '2024-01-01T10:00:00Z', length: 60, comment: 'by hand, not a track' });
    const latest = await w.bob('GET', `${T}/latest?api-version=3.2&$count=2`);
    expect(latest.body.data).toMatchObject({ count: 2, workLogs: [{ workItem: { id: 3 }, periodLength: 60 }, { workItem: { id: 2 } }] });
    expect(latest.body.data.workLogs[0]).toEqual({
      id: expect.any(String), remark: null, startTime: expect.any(String), endTime: expect.any(String), periodLength: 60, activityTypeId: 'development', workItem: { id: 3 },
    });
    expect((await w.bob('GET', `${T}/latest/10?api-version=2.1`)).body.count).toBe(3);
  });

  it('starts what POST selected chose when the start names no work item; 422 WorkItemIdOrCommentRequired when nothing is chosen', async () => {
    const nothing = await start({ timeZone: 60 });
    expect(nothing.status).toBe(422);
    expect(nothing.body.error).toMatchObject({ errorCode: 'WorkItemIdOrCommentRequired' });
    const selected = await w.bob('POST', `${T}/selected?api-version=3.2`, { tfsId: 2, remark: 'string', activityTypeId: 'testing', calculateTotals: true });
    expect(selected.body.data).toMatchObject({ track: null, selected: { workItemId: 2, remark: 'string', activityTypeId: 'testing' } });
    const started = await start({ timeZone: 60, isBillable: false });
    expect(started.body.data.tracker).toMatchObject({ workItemId: 2, comment: 'string', activityTypeId: 'testing', isBillable: false });
    expect((await w.bob('POST', `${T}/selected`, { tfsId: 0 })).body.data.selected).toMatchObject({ workItemId: null });
  });

  it("keeps Timehub's own body (workItemId, an IANA zone) working", async () => {
    const started = await start({ workItemId: 1, timeZone: 'Europe/Berlin' });
    expect(started.body.data.tracker).toMatchObject({ workItemId: 1, timeZone: 'Europe/Berlin' });
  });
});
