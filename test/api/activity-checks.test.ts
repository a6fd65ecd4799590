import { parseRawMail } from '../contract/mailer.contract.js';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { HOUR, MINUTE, SECOND, T0, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  // An API token, so that Bob stays signed in while hours pass on the clock.
  const session = client(api, await api.signIn('fabrikam', 'bob'));
  bob = client(api, (await session('POST', '/rest/apiTokens', { name: 'test', expiresInDays: 30 })).body.data.token);
  expect((await alice('PUT', '/settings/tracking', aTrackingPolicy())).status).toBe(200);
});
afterEach(() => api.close());

/** Moves the clock and lets the embedded worker handle whatever became due. */
async function passTime(ms: number) {
  api.clock.advance(ms);
  await api.worker.runDue();
}
const current = async () => (await bob('GET', '/tracking/client/current')).body.data.tracker;
const worklogs = async () => (await bob('GET', '/rest/workLogs')).body.data as { length: number; timestamp: string; utcOffsetMinutes: number; stopReason: string | null }[];
const outbox = () => readdirSync(api.outbox, { withFileTypes: true }).filter((f) => f.name.endsWith('.eml')).map((f) => readFileSync(`${api.outbox}/${f.name}`, 'utf8'));
const safeOutbox = () => { try { return outbox(); } catch { return []; } };

describe('activity checks', () => {
  it('shows a check in current once it is due, not before', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(59 * SECOND);
    expect((await current()).activityCheck).toBeNull();
    await passTime(1 * SECOND);
    expect((await current()).activityCheck).toEqual({ dueAt: at(T0, MINUTE), respondBy: at(T0, MINUTE + 10 * SECOND) });
  });

  it('keeps tracking after "still working" and checks again an interval later', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE + 5 * SECOND);
    const answer = await bob('POST', '/tracking/client/activityCheck');
    expect(answer.status).toBe(200);
    expect(answer.body.data.tracker.activityCheck).toBeNull();
    await passTime(59 * SECOND);
    expect((await current()).activityCheck).toBeNull();
    await passTime(SECOND);
    expect((await current()).activityCheck?.dueAt).toBe(at(T0, 2 * MINUTE + 5 * SECOND));
  });

  it('stops an unanswered tracker at the moment of the check, with the reason, about 70 s after the start', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE);
    await passTime(9 * SECOND);
    expect(await current()).not.toBeNull();
    await passTime(SECOND);
    expect(await current()).toBeNull();
    expect(await worklogs()).toEqual([expect.objectContaining({ timestamp: T0, length: 60, stopReason: 'No response from user during activity check' })]);
  });

  it('answers a late "still working" with 409, the tracker already stopped at the check', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    api.clock.advance(MINUTE + 30 * SECOND); // the worker has not run yet
    const late = await bob('POST', '/tracking/client/activityCheck');
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('tracking.check_expired');
    expect((await worklogs()).map((w) => w.length)).toEqual([60]);
  });

  it('stops at exactly start + maximum length when checks are off', async () => {
    await alice('PUT', '/settings/tracking', aTrackingPolicy({ checks: false, maxTrackLengthHours: 2 }));
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(2 * HOUR + 17 * MINUTE);
    expect(await worklogs()).toEqual([expect.objectContaining({ length: 2 * 3600, stopReason: 'Track length exceeded' })]);
  });

  it('cancels the pending check when the user stops', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(30 * SECOND);
    await bob('POST', '/tracking/client/stopTracking');
    api.clock.advance(HOUR);
    expect(await api.worker.runDue()).toBe(0);
    expect((await worklogs()).map((w) => w.length)).toEqual([30]);
  });

  it('lets a running tracker keep the rules it started with', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await alice('PUT', '/settings/tracking', aTrackingPolicy({ intervalMinutes: 60 }));
    await passTime(MINUTE + 10 * SECOND);
    expect(await current()).toBeNull();
  });
});

describe('email notices', () => {
  it("counts a tracker stopped by its timer toward its work item's budget: the threshold notice follows", async () => {
    const budget = (await alice('POST', '/rest/budgets', { workItemId: 2, name: 'Booking', planned: 60 })).body.data as { id: string };
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE); // the start's own check runs while the tracker is still running: nothing to say
    await passTime(10 * SECOND); // the activity check went unanswered: the timer stops the tracker
    expect((await worklogs())[0]?.length).toBe(60);
    await passTime(MINUTE);
    await passTime(MINUTE);
    expect(readdirSync(api.outbox).filter((file) => file.startsWith(`budget-notice-${budget.id}-100-60-`))).not.toEqual([]);
  });

  it('writes one .eml with the work item, the length, the reason and a timesheet link', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    const mails = outbox();
    expect(mails).toHaveLength(1);
    const mail = mails[0] ?? '';
    expect(mail).toContain('bob@fabrikam.example');
    expect(mail.replace(/=\r?\n/g, '')).toContain('Timehub stopped tracking #2 Online service appointment booking.');
    expect(mail).toContain('No response from user during activity check');
    expect(mail).toContain('0:01 h');
    // Quoted-printable may fold the link; its parts are what matter.
    expect(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain('timesheet?day=2025-01-06');
  });

  it("names the internal target a stopped tracker ran on, and its start in the user's local time", async () => {
    await bob('POST', '/tracking/client/startTracking', { targetId: 'meetings' });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    const [raw = ''] = outbox();
    const mail = parseRawMail(raw);
    expect(mail.headers.get('subject')).toBe('Timehub stopped your tracker on "Meetings"');
    const text = mail.text ?? '';
    expect(text).toContain('Timehub stopped tracking "Meetings".');
    const [worklog] = await worklogs();
    const local = new Date(Date.parse(worklog!.timestamp) + worklog!.utcOffsetMinutes * 60_000).toISOString();
    expect(text).toContain(`Tracked: 0:01 h from ${local.slice(0, 10)} ${local.slice(11, 16)} (UTC`);
  });

  it('sends none when the org turned emails off', async () => {
    await alice('PUT', '/settings/tracking', aTrackingPolicy({ emailNotifications: false }));
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    expect(await worklogs()).toHaveLength(1);
    expect(safeOutbox()).toEqual([]);
  });

  it('sends none when the user opted out', async () => {
    expect((await bob('PUT', '/rest/me/settings', { emailNotificationsOnTracking: false })).status).toBe(200);
    expect((await bob('GET', '/rest/me/settings')).body.data).toMatchObject({ emailNotificationsOnTracking: false, emailNotificationsOnApprovals: true, timeZone: null });
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    expect(safeOutbox()).toEqual([]);
  });

  it('sends none when the user stops the tracker', async () => {
    await bob('POST', '/tracking/client/startTracking', { workItemId: 2 });
    await passTime(20 * SECOND);
    await bob('POST', '/tracking/client/stopTracking');
    await passTime(HOUR);
    expect(safeOutbox()).toEqual([]);
  });
});

describe('tracking settings', () => {
  it('are the documented defaults until changed', async () => {
    const fresh = await startTestApi();
    const admin = client(fresh, await fresh.signIn('contoso', 'alice'));
    expect((await admin('GET', '/settings/tracking')).body.data).toEqual({
      activityCheck: { enabled: true, intervalMinutes: 60, waitingSeconds: 300 }, maxTrackLengthHours: 10, emailNotifications: true,
    });
    await fresh.close();
  });

  it('may be changed by admins only', async () => {
    const res = await bob('PUT', '/settings/tracking', aTrackingPolicy());
    expect(res.status).toBe(403);
  });

  it.each([
    ['an interval of 0 minutes', aTrackingPolicy({ intervalMinutes: 0 }), 'intervalMinutes'],
    ['an interval over 480 minutes', aTrackingPolicy({ intervalMinutes: 481 }), 'intervalMinutes'],
    ['a wait under 10 seconds', aTrackingPolicy({ waitingSeconds: 9 }), 'waitingSeconds'],
    ['a maximum of 25 hours', aTrackingPolicy({ maxTrackLengthHours: 25 }), 'maxTrackLengthHours'],
  ])('refuse %s and keep the old ones', async (_case, body, field) => {
    const before = (await alice('GET', '/settings/tracking')).body.data;
    const res = await alice('PUT', '/settings/tracking', body);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain(field);
    expect((await alice('GET', '/settings/tracking')).body.data).toEqual(before);
  });
});
