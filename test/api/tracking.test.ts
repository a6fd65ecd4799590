import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { MINUTE, SECOND, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let bob: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

const current = () => bob('GET', '/tracking/client/current');
const start = (body: Record<string, unknown> = { workItemId: 1 }) => bob('POST', '/tracking/client/startTracking', body);
const stop = () => bob('POST', '/tracking/client/stopTracking');
const worklogs = async () => (await bob('GET', '/rest/workLogs')).body.data as { id: string; timestamp: string; length: number }[];

describe('GET /api/tracking/client/current', () => {
  it('answers no track and no tracker when nothing runs', async () => {
    const res = await current();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ track: null, tracker: null });
  });

  it('shows the running tracker, its elapsed time growing with the clock', async () => {
    const started = await start({ workItemId: 3, remark: 'pairing', activityTypeId: 'meeting', isBillable: false });
    expect(started.status).toBe(200);
    expect(started.body.data.tracker).toMatchObject({ workItemId: 3, startTimestamp: T0, elapsedSeconds: 0 });
    expect(started.body.data.stoppedWorklog).toBeNull();

    api.clock.advance(90 * SECOND);
    const first = await current();
    expect(first.body.data.tracker).toMatchObject({
      workItemId: 3, startTimestamp: T0, elapsedSeconds: 90, activityTypeId: 'meeting', comment: 'pairing', isBillable: false,
    });

    api.clock.advance(10 * MINUTE);
    expect((await current()).body.data.tracker.elapsedSeconds).toBe(690);
  });
});

describe('POST /api/tracking/client/stopTracking', () => {
  it('writes a worklog flagged isTracked with the tracked length, returns it and lists it', async () => {
    await start({ workItemId: 2 });
    api.clock.advance(25 * MINUTE + 30 * SECOND);

    const stopped = await stop();
    expect(stopped.status).toBe(200);
    expect(stopped.body.data.stoppedWorklog).toMatchObject({
      timestamp: T0, length: 25 * 60 + 30, billableLength: 25 * 60 + 30, workItemId: 2,
      activityType: { id: 'development' },
      flags: { isTracked: true, isManuallyEntered: false, isChanged: false, isBillable: true },
    });
    expect((await current()).body.data.tracker).toBeNull();

    const listed = await worklogs();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual(stopped.body.data.stoppedWorklog);
  });

  it('answers 409 tracking.not_running when nothing runs, and writes nothing', async () => {
    const res = await stop();
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('tracking.not_running');
    expect(res.body.error?.message).toMatch(/no tracker is running/);
    expect(await worklogs()).toEqual([]);
  });

  it('answers 409 on a second stop: the first one already ended the tracker', async () => {
    await start();
    api.clock.advance(MINUTE);
    expect((await stop()).status).toBe(200);
    expect((await stop()).status).toBe(409);
    expect(await worklogs()).toHaveLength(1);
  });
});

describe('POST /api/tracking/client/startTracking', () => {
  it('stops a running tracker first, writing its worklog, and starts the new one', async () => {
    await start({ workItemId: 1 });
    api.clock.advance(10 * MINUTE);

    const second = await start({ workItemId: 2 });
    expect(second.status).toBe(200);
    expect(second.body.data.stoppedWorklog).toMatchObject({ workItemId: 1, timestamp: T0, length: 600, flags: { isTracked: true } });
    expect(second.body.data.tracker).toMatchObject({ workItemId: 2, startTimestamp: at(T0, 10 * MINUTE), elapsedSeconds: 0 });

    expect((await current()).body.data.tracker).toMatchObject({ workItemId: 2, startTimestamp: at(T0, 10 * MINUTE) });
    const listed = await worklogs();
    expect(listed.map((w) => w.id)).toEqual([second.body.data.stoppedWorklog.id]);
  });

  it('refuses an unknown work item with 422, and nothing starts', async () => {
    const res = await start({ workItemId: 999 });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('worklog.unknown_work_item');
    expect(res.body.error?.message).toContain('999');
    expect((await current()).body.data.tracker).toBeNull();
  });

  it('refuses an unknown work item without touching a running tracker', async () => {
    await start({ workItemId: 4 });
    api.clock.advance(MINUTE);
    expect((await start({ workItemId: 999 })).status).toBe(422);
    expect((await current()).body.data.tracker).toMatchObject({ workItemId: 4, startTimestamp: T0 });
    expect(await worklogs()).toEqual([]);
  });

  it('says which field is wrong', async () => {
    const res = await start({ workItemId: 'one' });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('body.workItemId');
    expect((await current()).body.data.tracker).toBeNull();
  });

  it('answers 409 when a worklog already covers now, and nothing starts', async () => {
    const covering = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -10 * MINUTE), length: 20 * 60 }));
    expect(covering.status).toBe(201);

    const res = await start();
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('tracking.overlaps_worklog');
    expect(res.body.error?.message).toContain(covering.body.data.id);
    expect((await current()).body.data.tracker).toBeNull();
  });

  it('may start right where a worklog ends', async () => {
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -10 * MINUTE), length: 600 }))).status).toBe(201);
    expect((await start()).status).toBe(200);
  });
});

describe('tracking next to worklogs entered by hand', () => {
  it('clips the tracked worklog to end where a worklog entered for later starts', async () => {
    await start({ workItemId: 5 });
    const later = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, 30 * MINUTE), length: 15 * 60, workItemId: 6 }));
    expect(later.status).toBe(201);

    api.clock.advance(50 * MINUTE);
    const stopped = await stop();
    expect(stopped.status).toBe(200);
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ timestamp: T0, length: 30 * 60, workItemId: 5 });

    const listed = await worklogs();
    expect(listed.map((w) => [w.timestamp, w.length])).toEqual([
      [T0, 30 * 60],
      [at(T0, 30 * MINUTE), 15 * 60],
    ]);
  });

  it('refuses a worklog overlapping the running tracker with 409 worklog.overlaps_tracker', async () => {
    await start();
    api.clock.advance(10 * MINUTE);

    const res = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, 5 * MINUTE), length: 60 }));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('worklog.overlaps_tracker');
    expect(await worklogs()).toEqual([]);
    expect((await current()).body.data.tracker).toMatchObject({ startTimestamp: T0 });
  });

  it('refuses a worklog starting in the very second a tracker started', async () => {
    await start();
    const res = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: T0, length: 600 }));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('worklog.overlaps_tracker');
  });

  it('accepts a worklog that ends before the tracker started', async () => {
    await start();
    api.clock.advance(10 * MINUTE);
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -5 * MINUTE), length: 300 }))).status).toBe(201);
  });

  it('caps a tracker at 24 hours when the org allows that long and checks are off', async () => {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const policy = { activityCheck: { enabled: false, intervalMinutes: 60, waitingSeconds: 300 }, maxTrackLengthHours: 24, emailNotifications: false };
    expect((await alice('PUT', '/settings/tracking', policy)).status).toBe(200);
    await start();
    api.clock.advance(30 * 60 * MINUTE);
    // The session lasts an hour: sign in again, as the extension would.
    bob = client(api, await api.signIn('fabrikam', 'bob'));
    const stopped = await stop();
    expect(stopped.status).toBe(200);
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ length: 86_400, stopReason: 'Track length exceeded' });
  });
});

describe('tracking is per user', () => {
  it("does not show or stop another user's tracker", async () => {
    await start({ workItemId: 7 });
    const carol = client(api, await api.signIn('fabrikam', 'carol'));
    expect((await carol('GET', '/tracking/client/current')).body.data.tracker).toBeNull();
    expect((await carol('POST', '/tracking/client/stopTracking')).status).toBe(409);
    expect((await current()).body.data.tracker).toMatchObject({ workItemId: 7 });
  });
});
