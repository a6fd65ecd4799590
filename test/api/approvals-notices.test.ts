import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { handleApprovalMessage } from '../../shared/approvals/send-approval-notice.js';
import { runRetentionMaintenance } from '../../shared/orgs/retention-maintenance.js';
import type { Document } from '../../shared/ports/document-store.js';
import type { DeliveredMessage } from '../../shared/ports/message-queue.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { APPROVALS_ON, IN_LAST_WEEK, LAST_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { MutableClock } from '../support/mutable-clock.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { DAY, T0, aWorklog } from '../support/worklog-builder.js';

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(() => smtp.close());

let api: TestApi;
let w: ApprovalWorld;
let sent: DeliveredMessage[];
beforeEach(async () => {
  // Notices go out through real SMTP; sessions outlive the weeks the clock moves by.
  api = await startTestApi({ clock: new MutableClock(T0), env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SESSION_MINUTES: '1440' } });
  w = await buildApprovalWorld(api);
  sent = [];
  const queue = api.app.ports.queue;
  const send = queue.send.bind(queue);
  queue.send = async (name, message) => {
    if (name === 'email-notices') sent.push({ messageId: message.messageId, body: message.body, deliveryCount: 1, enqueuedAt: api.clock.now() });
    return send(name, message);
  };
});
afterEach(async () => {
  await api.close();
  smtp.accepted.length = 0;
});

const TEAM_LEAD_MAIL = 'role1@fabrikam.example';
const CAROL_MAIL = /^To: .*carol@fabrikam/m;
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ');
const mailsTo = (to: RegExp | string) => smtp.accepted.map(unfold).filter((m) => (typeof to === 'string' ? m.includes(`To: ${to}`) : to.test(m)));

async function deliver() {
  await api.worker.runDue();
}

describe('approval notices', () => {
  it('mail the approver a submission, and the member the approval and the reopening with its reason', async () => {
    await w.carolSubmits();
    await deliver();
    expect(mailsTo(TEAM_LEAD_MAIL)).toHaveLength(1);
    expect(mailsTo(TEAM_LEAD_MAIL)[0]).toContain('submitted the week 2024-12-30 to 2025-01-05 for approval');

    await w.decide(w.actors.teamLead, 'approve');
    await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'Wednesday looks short');
    await deliver();
    const toCarol = mailsTo(CAROL_MAIL);
    expect(toCarol).toHaveLength(2);
    expect(toCarol.some((m) => m.includes('Your week 2024-12-30 to 2025-01-05 was approved'))).toBe(true);
    expect(toCarol.find((m) => m.includes('was reopened'))).toContain('Reason: Wednesday looks short');
  });

  it('send each once however often the message is delivered', async () => {
    await w.carolSubmits();
    await deliver();
    for (const message of sent) await handleApprovalMessage(api.app.ports, 'http://localhost', { ...message, deliveryCount: 2 });
    expect(smtp.accepted).toHaveLength(1);
  });

  it('are not sent to a member who opted out, nor in an org that opted out', async () => {
    expect((await w.carol('PUT', '/rest/me/settings', { emailNotificationsOnTracking: true, emailNotificationsOnApprovals: false })).status).toBe(200);
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    await deliver();
    expect(mailsTo(CAROL_MAIL)).toEqual([]);
    expect(mailsTo(TEAM_LEAD_MAIL)).toHaveLength(1);

    await w.alice('PUT', '/settings/approvals', { ...APPROVALS_ON, emailNotices: false });
    await w.decide(w.actors.teamLead, 'reopen', LAST_WEEK.from, 'x');
    await w.carolSubmits();
    await deliver();
    expect(smtp.accepted).toHaveLength(1);
  });
});

describe('the weekly reminder', () => {
  it('reminds on the reminder day of past weeks with time that nobody submitted, once a week, once each', async () => {
    const carolLater = client(api, (await w.carol('POST', '/rest/apiTokens', { name: 'later', expiresInDays: 30 })).body.data.token);
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK }));
    await w.bob('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK }));
    expect((await w.bob('POST', '/approvals/submit', { weekStart: LAST_WEEK.from, assignedManagerId: w.ids.administrator })).status).toBe(200);
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-06T07:00:00Z' }));
    await deliver();
    smtp.accepted.length = 0;

    api.clock.advance(7 * DAY - 1000); // Monday 2025-01-13, a second before 09:00 UTC
    await deliver();
    expect(smtp.accepted).toEqual([]);
    api.clock.advance(1000);
    await deliver();
    expect(mailsTo(CAROL_MAIL)).toHaveLength(1);
    expect(mailsTo(CAROL_MAIL)[0]).toContain('- the week of 2024-12-30');
    expect(mailsTo(CAROL_MAIL)[0]).toContain('- the week of 2025-01-06');
    expect(smtp.accepted).toHaveLength(1); // bob submitted his, and nobody else tracked

    // The run delivered again (Service Bus is at-least-once): nobody gets a second mail.
    const run = { kind: 'approvalReminders', orgId: findSeedOrganization('fabrikam')!.id, day: '2025-01-13' };
    await handleApprovalMessage(api.app.ports, 'http://localhost', { messageId: 'again', body: run, deliveryCount: 2, enqueuedAt: api.clock.now() });
    await deliver();
    expect(smtp.accepted).toHaveLength(1);

    const submitted = await carolLater('POST', '/approvals/submit', { weekStart: LAST_WEEK.from, assignedManagerId: w.ids.teamLead });
    expect(submitted.status).toBe(200);
    api.clock.advance(7 * DAY);
    await deliver();
    const second = mailsTo(CAROL_MAIL).filter((m) => m.includes('Reminder'));
    expect(second).toHaveLength(2);
    expect(second[1]).not.toContain('2024-12-30');
    expect(second[1]).toContain('- the week of 2025-01-06');
  });

  it('is not sent to a member who opted out', async () => {
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK }));
    expect((await w.carol('PUT', '/rest/me/settings', { emailNotificationsOnTracking: true, emailNotificationsOnApprovals: false })).status).toBe(200);
    api.clock.advance(7 * DAY);
    await deliver();
    expect(smtp.accepted).toEqual([]);
  });

  it('is not sent with approvals off', async () => {
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK }));
    expect((await w.alice('PUT', '/settings/approvals', { ...APPROVALS_ON, enabled: false })).status).toBe(200);
    api.clock.advance(7 * DAY);
    await deliver();
    expect(smtp.accepted).toEqual([]);
  });
});

describe('the reminder chain', () => {
  it('is armed again by the daily maintenance when it was lost', async () => {
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK }));
    // Approvals off: the next run finds them off and schedules no other. Then on again behind the chain's back.
    await w.alice('PUT', '/settings/approvals', { ...APPROVALS_ON, enabled: false });
    api.clock.advance(7 * DAY);
    await deliver();
    const doc = await api.store.read<Document & { enabled: boolean }>('orgs', findSeedOrganization('fabrikam')!.id, 'approvalSettings');
    await api.store.upsert('orgs', { ...doc!, enabled: true });
    api.clock.advance(7 * DAY);
    await deliver();
    expect(smtp.accepted).toEqual([]);

    expect((await runRetentionMaintenance(api.app.ports)).approvalRemindersArmed).toBe(1);
    api.clock.advance(7 * DAY);
    await deliver();
    expect(mailsTo(CAROL_MAIL)).toHaveLength(1);
  });
});
