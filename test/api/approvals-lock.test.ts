import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newBulkJob } from '../../shared/explorer/bulk-jobs.js';
import { applyBulkJob } from '../../shared/explorer/apply-bulk-job.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { IN_LAST_WEEK, LAST_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { MutableClock } from '../support/mutable-clock.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { HOUR, MINUTE, SECOND, aWorklog, at } from '../support/worklog-builder.js';

/** Sunday 23:30 UTC, the last half hour of LAST_WEEK: a tracker started now crosses into the next week. */
const SUNDAY_NIGHT = '2025-01-05T23:30:00Z';
const FABRIKAM = findSeedOrganization('fabrikam')!.id;

let api: TestApi;
let w: ApprovalWorld;
beforeEach(async () => {
  // Sessions outlive the hours these tests move the clock by.
  api = await startTestApi({ clock: new MutableClock(SUNDAY_NIGHT), env: { SESSION_MINUTES: '1440' } });
  w = await buildApprovalWorld(api);
});
afterEach(() => api.close());

const LOCKED_WEEK = 'the week 2024-12-30 to 2025-01-05';

async function carolsWorklog(timestamp = IN_LAST_WEEK) {
  const res = await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp, length: HOUR / SECOND }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; length: number };
}

async function lockLastWeek() {
  expect((await w.carolSubmits()).status).toBe(200);
}

function expectLocked(res: { status: number; body: { error?: { code: string; message: string; errorCode?: string } } }, why = 'is submitted for approval') {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body.error).toMatchObject({ code: 'approval.week_locked', errorCode: 'ApprovalStateFailed' });
  expect(res.body.error?.message).toContain(LOCKED_WEEK);
  expect(res.body.error?.message).toContain(why);
}

const carolsTime = async () => (await w.carol('GET', `/rest/workLogs?$fromTimestamp=${LAST_WEEK.from}&$toTimestamp=2025-01-07`)).body.data as { id: string; length: number; timestamp: string }[];

describe('a locked week refuses every write to its time', () => {
  it('refuses a new worklog, and takes one in an open week', async () => {
    await lockLastWeek();
    expectLocked(await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK })));
    expect((await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-06T08:00:00Z' }))).status).toBe(201);
  });

  it('refuses a batch with one item in it, naming the item, and writes none of it (validateOnly too)', async () => {
    await lockLastWeek();
    const batch = [aWorklog({ timestamp: '2025-01-06T06:00:00Z' }), aWorklog({ timestamp: IN_LAST_WEEK })];
    for (const query of ['?validateOnly=true', '']) {
      const res = await w.carol('POST', `/rest/workLogs/batch${query}`, batch);
      expectLocked(res);
      expect(res.body.error?.details).toEqual([expect.objectContaining({ index: 1, code: 'approval.week_locked' })]);
    }
    expect(await carolsTime()).toEqual([]);
  });

  it('refuses changing or deleting a worklog in it, and moving one into it', async () => {
    const inside = await carolsWorklog();
    const outside = await carolsWorklog('2025-01-06T07:00:00Z');
    api.clock.set('2025-01-06T09:00:00Z');
    await w.carolSubmits();
    expectLocked(await w.carol('PATCH', `/rest/workLogs/${inside.id}`, { length: 60 }));
    expectLocked(await w.carol('DELETE', `/rest/workLogs/${inside.id}`));
    expectLocked(await w.carol('PATCH', `/rest/workLogs/${outside.id}`, { timestamp: '2025-01-04T07:00:00Z' }));
    expectLocked(await w.alice('PATCH', `/rest/workLogs/${inside.id}?userId=${w.carolId}`, { comment: 'an Administrator is refused too' }));
    expect((await carolsTime()).map((x) => [x.id, x.length])).toEqual([[inside.id, 3600], [outside.id, 3600]]);
  });

  it('says when the week is approved, and lets its time change again once reopened', async () => {
    const inside = await carolsWorklog();
    await lockLastWeek();
    await w.decide(w.actors.teamLead, 'approve');
    expectLocked(await w.carol('DELETE', `/rest/workLogs/${inside.id}`), 'is approved');
    await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'fix it');
    expect((await w.carol('DELETE', `/rest/workLogs/${inside.id}`)).status).toBe(200);
  });

  it('refuses a bulk action of the Times Explorer that touches it, changing nothing', async () => {
    const inside = await carolsWorklog();
    await w.decide(w.actors.administrator, 'close');
    const res = await w.alice('POST', '/explorer/bulkActions', { change: { kind: 'delete' }, worklogs: [{ id: inside.id, userId: w.carolId }] });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'approval.week_locked', errorCode: 'ApprovalStateFailed' });
    expect(res.body.error?.message).toContain('was closed by a manager');
    expect(await carolsTime()).toHaveLength(1);
  });

  it('skips the worklogs of a bulk job that was checked before the week was locked', async () => {
    const inside = await carolsWorklog();
    await lockLastWeek();
    const editor = { id: w.ids.collectionAdmin, name: 'Alice Anders', uniqueName: 'alice@fabrikam.example' };
    const job = newBulkJob(FABRIKAM, 'job-1', { change: { kind: 'delete' }, targets: [{ userId: w.carolId, ids: [inside.id] }], count: 1, editor, startedTimestamp: at(SUNDAY_NIGHT) });
    await api.store.create('orgs', job);
    expect(await applyBulkJob(api.app.ports, FABRIKAM, 'job-1')).toMatchObject({ status: 'done', applied: 0, skipped: 1 });
    expect(await carolsTime()).toHaveLength(1);
  });

  it('refuses to start a tracker in it', async () => {
    api.clock.set('2025-01-06T09:00:00Z');
    expect((await w.carolSubmits('2025-01-06')).status).toBe(200); // this week, submitted early
    const res = await w.carol('POST', '/tracking/client/startTracking', { workItemId: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('the week 2025-01-06 to 2025-01-12, which is submitted');
  });
});

/**
 * A tracker's worklog belongs to the day it started on. A week cannot be locked while a
 * tracker that started on or before its last day runs, and no tracker starts in a locked
 * week: so every stop (the user's, an unanswered check, the maximum length, the uninstall)
 * lands in an open week and no tracked second is lost.
 */
describe('a tracker that runs across into the next week', () => {
  async function trackAcrossMidnight() {
    expect((await w.alice('PUT', '/settings/tracking', aTrackingPolicy({ checks: false, maxTrackLengthHours: 2 }))).status).toBe(200);
    expect((await w.carol('POST', '/tracking/client/startTracking', { workItemId: 1 })).status).toBe(200);
    api.clock.advance(HOUR); // Monday 00:30
  }

  it('keeps the week it started in open until it stops; the stop writes all of its time there', async () => {
    await trackAcrossMidnight();
    const refused = await w.carolSubmits();
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'approval.tracker_running']);
    expect(refused.body.error?.message).toContain('stop it first');
    expect((await w.decide(w.actors.teamLead, 'close')).body.error?.code).toBe('approval.tracker_running');
    expect((await w.carol('POST', '/tracking/client/stopTracking')).status).toBe(200);
    expect((await w.carolSubmits()).status).toBe(200);
    expect(await carolsTime()).toEqual([expect.objectContaining({ timestamp: SUNDAY_NIGHT, length: 3600 })]);
    expect((await w.actors.teamLead('GET', '/approvals/queue')).body.data[0].secondsPerDay['2025-01-05']).toBe(3600);
  });

  it('is stopped at its maximum length inside the open week, then the week can be submitted', async () => {
    await trackAcrossMidnight();
    expect((await w.carolSubmits()).status).toBe(409);
    api.clock.advance(2 * HOUR);
    await api.worker.runDue();
    expect((await w.carol('GET', '/tracking/client/current')).body.data.track).toBeNull();
    expect(await carolsTime()).toEqual([expect.objectContaining({ timestamp: SUNDAY_NIGHT, length: 2 * 3600 })]);
    expect((await w.carolSubmits()).status).toBe(200);
  });

  it('is stopped by an unanswered activity check into the open week', async () => {
    expect((await w.alice('PUT', '/settings/tracking', aTrackingPolicy({ intervalMinutes: 45 }))).status).toBe(200);
    expect((await w.carol('POST', '/tracking/client/startTracking', { workItemId: 1 })).status).toBe(200);
    api.clock.advance(46 * MINUTE);
    expect((await w.carolSubmits()).body.error?.code).toBe('approval.tracker_running');
    await api.worker.runDue();
    expect((await w.carol('GET', '/tracking/client/current')).body.data.track).toBeNull();
    expect(await carolsTime()).toEqual([expect.objectContaining({ timestamp: SUNDAY_NIGHT, length: 45 * 60 })]);
    expect((await w.carolSubmits()).status).toBe(200);
  });

  it('is stopped by the uninstall into the open week', async () => {
    await trackAcrossMidnight();
    expect((await w.alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' })).status).toBe(200);
    const worklogs = (await api.store.query<{ id: string; pk: string; type: string; schemaVersion: number; length: number; localDay: string }>('worklogs', { partition: { pk: `${FABRIKAM}:${w.carolId}` } }))
      .filter((d) => d.type === 'worklog');
    expect(worklogs).toEqual([expect.objectContaining({ length: 3600, localDay: '2025-01-05' })]);
  });

  it('cannot start in a locked week, even a minute before it would cross out of it', async () => {
    await lockLastWeek();
    const res = await w.carol('POST', '/tracking/client/startTracking', { workItemId: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain(LOCKED_WEEK);
  });
});
