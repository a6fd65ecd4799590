import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { IN_LAST_WEEK, LAST_WEEK, THIS_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { MutableClock } from '../support/mutable-clock.js';
import type { Actor } from '../support/role-world.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

let api: TestApi;
let w: ApprovalWorld;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  w = await buildApprovalWorld(api);
});
afterEach(() => api.close());

describe('a week from submission to approval', () => {
  it('is submitted by its member, approved by her Team lead, then reopened with a reason', async () => {
    expect((await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK, length: 2 * 3600 }))).status).toBe(201);
    expect((await w.carol('GET', '/approvals/approvers')).body.data.map((u: { id: string }) => u.id).sort()).toEqual(
      [w.ids.teamLead, w.ids.administrator, w.ids.collectionAdmin].sort(),
    );

    const submitted = await w.carolSubmits('2025-01-01'); // any day names its week
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.data).toMatchObject({ weekStartDate: LAST_WEEK.from, weekEndDate: LAST_WEEK.to, approvalState: 1, state: 'submitted', assignedManager: { id: w.ids.teamLead } });

    const queue = await w.actors.teamLead('GET', '/approvals/queue');
    expect(queue.body.data).toHaveLength(1);
    expect(queue.body.data[0]).toMatchObject({ user: { id: w.carolId }, totalSeconds: 7200, secondsPerDay: { '2025-01-02': 7200, '2024-12-30': 0 } });
    expect((await w.actors.otherTeamLead('GET', '/approvals/queue')).body.data).toEqual([]);

    const approved = await w.decide(w.actors.teamLead, 'approve');
    expect(approved.body.data).toMatchObject({ approvalState: 3, state: 'approved', approvedByManager: { id: w.ids.teamLead } });
    expect((await w.actors.teamLead('GET', '/approvals/queue')).body.data).toEqual([]);

    const reopened = await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'Tuesday is missing');
    expect(reopened.body.data).toMatchObject({ approvalState: 2, state: 'reopened', reason: 'Tuesday is missing' });
    expect(await w.carolsWeek()).toMatchObject({ state: 'reopened', reason: 'Tuesday is missing' });
    expect((await w.carolSubmits()).body.data).toMatchObject({ state: 'submitted', reason: null });
  });

  it('serves 7pace\'s timeApproval endpoints: submit, list, withdraw', async () => {
    const post = await w.carol('POST', '/rest/timeApproval/week?api-version=3.2', { WeekStart: `${LAST_WEEK.from}T00:00:00`, assignedmanagerid: w.ids.teamLead });
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ data: true });
    const all = await w.actors.teamLead('GET', `/rest/timeApproval/all?$fromTimestamp=${LAST_WEEK.from}&$toTimestamp=${THIS_WEEK.to}T00:00:00`);
    expect(all.body.data).toMatchObject([{ weekStartDate: LAST_WEEK.from, approvalState: 1, user: { id: w.carolId }, assignedManager: { id: w.ids.teamLead } }]);
    expect((await w.actors.teamLead('GET', `/rest/timeApproval/all?_toTimestamp=2024-12-29`)).body.data).toEqual([]);
    expect((await w.actors.teamLead('GET', `/rest/timeApproval/all?$fromTimestamp=not-a-day`)).status).toBe(400);
    const member = await w.bob('GET', '/rest/timeApproval/all');
    expect(member.status).toBe(403);
    expect(member.body.error?.code).toBe('auth.forbidden');
    const withdrawn = await w.carol('DELETE', `/rest/timeApproval/week?weekstart=${LAST_WEEK.from}`);
    expect(withdrawn.body).toEqual({ data: true });
    expect(await w.carolsWeek()).toBeUndefined();
    const again = await w.carol('DELETE', `/rest/timeApproval/week?weekStart=${LAST_WEEK.from}`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'approval.invalid_transition', errorCode: 'ApprovalStateFailed' });
  });
});

type Decision = 'approve' | 'reopen' | 'close';
/** Who may decide carol's (team red) weeks: Administrators and her own Team lead, nobody else. */
const DECIDERS: [Actor, boolean][] = [
  ['member', false], ['none', false], ['otherTeamLead', false], ['productManager', false], ['budgetManager', false],
  ['teamLead', true], ['administrator', true], ['collectionAdmin', true],
];

describe('who may decide a week', () => {
  for (const [actor, allowed] of DECIDERS) {
    for (const action of ['approve', 'reopen', 'close'] as Decision[]) {
      it(`${actor} ${allowed ? 'may' : 'may not'} ${action} carol's week`, async () => {
        if (action !== 'close') expect((await w.carolSubmits()).status).toBe(200);
        const res = await w.decide(w.actors[actor], action, LAST_WEEK.from, 'needs a fix');
        expect(res.status, JSON.stringify(res.body)).toBe(allowed ? 200 : 403);
        const expected = { approve: 'approved', reopen: 'reopened', close: 'closed' }[action];
        expect((await w.carolsWeek())?.state).toBe(allowed ? expected : action === 'close' ? undefined : 'submitted');
      });
    }
  }

  it('a member cannot decide her own week', async () => {
    expect((await w.carolSubmits()).status).toBe(200);
    expect((await w.decide(w.carol, 'approve')).status).toBe(403);
  });

  it('a Team lead does not decide his own week; an Administrator may decide hers', async () => {
    const lead = w.actors.teamLead;
    expect((await lead('GET', '/approvals/approvers')).body.data.map((u: { id: string }) => u.id)).not.toContain(w.ids.teamLead);
    expect((await lead('POST', '/approvals/submit', { weekStart: LAST_WEEK.from, assignedManagerId: w.ids.teamLead })).status).toBe(422);
    expect((await lead('POST', '/approvals/submit', { weekStart: LAST_WEEK.from, assignedManagerId: w.ids.administrator })).status).toBe(200);
    expect((await lead('POST', '/approvals/approve', { userId: w.ids.teamLead, weekStart: LAST_WEEK.from })).status).toBe(403);
    const admin = w.actors.administrator;
    expect((await admin('POST', '/approvals/submit', { weekStart: LAST_WEEK.from, assignedManagerId: w.ids.administrator })).status).toBe(200);
    expect((await admin('POST', '/approvals/approve', { userId: w.ids.administrator, weekStart: LAST_WEEK.from })).status).toBe(200);
  });

  it('Team leads may not decide when only Administrators approve', async () => {
    expect((await w.alice('PUT', '/settings/approvals', { ...(await w.alice('GET', '/settings/approvals')).body.data, approvers: 'administrators' })).status).toBe(200);
    expect((await w.carolSubmits()).status).toBe(422); // her Team lead is no approver any more
    expect((await w.carolSubmits(LAST_WEEK.from, 'administrator')).status).toBe(200);
    expect((await w.decide(w.actors.teamLead, 'approve')).status).toBe(403);
    expect((await w.decide(w.actors.administrator, 'approve')).status).toBe(200);
  });

  it('a user of another organization is not found', async () => {
    const res = await w.actors.administrator('POST', '/approvals/close', { userId: 'someone-elsewhere', weekStart: LAST_WEEK.from });
    expect(res.status).toBe(404);
  });
});

describe('which transitions a week allows', () => {
  const state = async () => (await w.carolsWeek())?.state;

  it('submits only a week that started, to an allowed approver, once', async () => {
    expect((await w.carolSubmits('2025-01-13')).body.error?.code).toBe('approval.week_not_started');
    const wrong = await w.carolSubmits(LAST_WEEK.from, 'otherTeamLead');
    expect([wrong.status, wrong.body.error?.code]).toEqual([422, 'approval.not_an_approver']);
    expect((await w.carolSubmits(THIS_WEEK.from)).status).toBe(200); // the running week may be submitted early
    expect((await w.carolSubmits()).status).toBe(200);
    const twice = await w.carolSubmits();
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'approval.invalid_transition']);
    expect(twice.body.error?.message).toContain('2024-12-30 to 2025-01-05 is submitted');
  });

  it('refuses a submission while approvals are off', async () => {
    await w.alice('PUT', '/settings/approvals', { ...(await w.alice('GET', '/settings/approvals')).body.data, enabled: false });
    const res = await w.carolSubmits();
    expect([res.status, res.body.error?.code]).toEqual([409, 'approval.disabled']);
  });

  it('needs a complete week when the org asks for one', async () => {
    await w.alice('PUT', '/settings/approvals', { ...(await w.alice('GET', '/settings/approvals')).body.data, requireCompleteWeek: true, minimumWeekHours: 3 });
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK, length: 2 * 3600 }));
    const short = await w.carolSubmits();
    expect([short.status, short.body.error?.code]).toEqual([422, 'approval.week_incomplete']);
    expect(short.body.error?.message).toContain('has 2 h');
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-03T10:00:00Z', length: 3600 }));
    expect((await w.carolSubmits()).status).toBe(200);
  });

  it('lets the member withdraw only until the week is decided', async () => {
    const withdraw = () => w.carol('DELETE', `/rest/timeApproval/week?weekStart=${LAST_WEEK.from}`);
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    expect((await withdraw()).status).toBe(409);
    expect(await state()).toBe('approved');
  });

  it('approves only a submitted week', async () => {
    expect((await w.decide(w.actors.teamLead, 'approve')).body.error?.code).toBe('approval.invalid_transition');
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    expect((await w.decide(w.actors.teamLead, 'approve')).status).toBe(409);
  });

  it('reopens with a reason only, and not a week nobody submitted', async () => {
    expect((await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'why')).status).toBe(409);
    await w.carolSubmits();
    const bare = await w.decide(w.actors.teamLead, 'reopen');
    expect([bare.status, bare.body.error?.code]).toEqual([422, 'approval.reason_required']);
    expect((await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'Send it back')).status).toBe(200); // a submitted week can be sent back
  });

  it('closes only a week nobody submitted, and reopens a closed one', async () => {
    expect((await w.decide(w.actors.teamLead, 'close')).body.data.state).toBe('closed');
    expect((await w.carolSubmits()).status).toBe(409);
    expect((await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'you may still submit')).status).toBe(200);
    expect((await w.carolSubmits()).status).toBe(200);
    expect((await w.decide(w.actors.teamLead, 'close')).status).toBe(409);
  });

  it('uses the org\'s first day of the week', async () => {
    await w.alice('PUT', '/settings/approvals', { ...(await w.alice('GET', '/settings/approvals')).body.data, firstDayOfWeek: 0 });
    const res = await w.carolSubmits('2025-01-02');
    expect(res.body.data).toMatchObject({ weekStartDate: '2024-12-29', weekEndDate: '2025-01-04' });
  });
});

describe('reports by approval state', () => {
  it('sum only the time of weeks in the states asked for', async () => {
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK, length: 3600 }));
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-06T07:00:00Z', length: 1800 }));
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    const report = async (approval: string) =>
      (await w.actors.teamLead('GET', `/reports/time?from=2024-12-01&to=2025-01-31&groupBy=user&users=${w.carolId}&approval=${approval}`)).body.data.totals.length;
    expect(await report('approved')).toBe(3600);
    expect(await report('open')).toBe(1800);
    expect(await report('submitted,closed')).toBe(0);
    expect(await report('approved,open')).toBe(5400);
    expect((await w.alice('GET', '/reports/time?from=2024-12-01&to=2025-01-31&groupBy=user&approval=approved')).body.data.totals.length).toBe(3600);
  });
});
