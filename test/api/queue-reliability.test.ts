import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleTrackerTimer } from '../../shared/tracking/handle-tracker-timer.js';
import { sendStopNotice } from '../../shared/notices/send-stop-notice.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { HOUR, MINUTE, SECOND, T0 } from '../support/worklog-builder.js';

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(() => smtp.close());

const open: TestApi[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((api) => api.close()));
  smtp.accepted.length = 0;
  smtp.refuseNext(0);
});

/** A local instance whose notices go through real SMTP, with the done-when settings of issue 3. */
async function instance(options: { dataDir?: string; smtp?: boolean } = {}) {
  const env: Record<string, string> = options.smtp === false ? {} : { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) };
  const api = await startTestApi({ clock: new MutableClock(T0), dataDir: options.dataDir, env });
  open.push(api);
  const alice = client(api, await api.signIn('fabrikam', 'alice'));
  await alice('PUT', '/settings/tracking', aTrackingPolicy());
  const session = client(api, await api.signIn('fabrikam', 'bob'));
  const bob = client(api, (await session('POST', '/rest/apiTokens', { name: 't', expiresInDays: 30 })).body.data.token);
  const passTime = async (ms: number) => {
    api.clock.advance(ms);
    await api.worker.runDue();
  };
  return { api, alice, bob, passTime };
}

/** Captures the messages the worker delivers, to hand them to a handler again. */
function recordDeliveries(api: TestApi) {
  const seen: { queue: string; message: Parameters<typeof handleTrackerTimer>[1] }[] = [];
  const queue = api.app.ports.queue;
  const original = queue.send.bind(queue);
  queue.send = async (name, message) => {
    seen.push({ queue: name, message: { messageId: message.messageId, body: message.body, deliveryCount: 1, enqueuedAt: api.clock.now() } });
    return original(name, message);
  };
  return seen;
}

describe('redelivery', () => {
  it('writes one worklog and sends one email however often a timer and its notice are delivered', async () => {
    const { api, bob, passTime } = await instance();
    const started = await bob('POST', '/tracking/client/startTracking', { workItemId: 4 });
    const notices = recordDeliveries(api);
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    // The real timer message of the stopped tracker, delivered again three times.
    const me = (await bob('GET', '/rest/me')).body.data;
    const state = await api.store.read<{ id: string; pk: string; type: string; schemaVersion: number; lastSystemStop: { trackerId: string } }>(
      'worklogs', `${me.organization.id}:${me.user.id}`, 'state');
    const body = { orgId: me.organization.id, userId: me.user.id, trackerId: state?.lastSystemStop.trackerId, at: started.body.data.tracker.startTimestamp };
    for (let deliveryCount = 2; deliveryCount <= 4; deliveryCount++) {
      await handleTrackerTimer(api.app.ports, { messageId: 'replayed', body, deliveryCount, enqueuedAt: api.clock.now() });
    }
    for (const notice of notices) await sendStopNotice(api.app.ports, 'http://localhost:7071', notice.message);
    await api.worker.runDue();
    expect((await bob('GET', '/rest/workLogs')).body.data).toHaveLength(1);
    expect(smtp.accepted).toHaveLength(1);
  });

  it('ignores a stale timer of a tracker that was stopped and started again', async () => {
    const { api, bob, passTime } = await instance();
    const first = (await bob('POST', '/tracking/client/startTracking', { workItemId: 4 })).body.data.tracker;
    await passTime(20 * SECOND);
    await bob('POST', '/tracking/client/startTracking', { workItemId: 5 });
    const me = (await bob('GET', '/rest/me')).body.data;
    const stale = { orgId: me.organization.id, userId: me.user.id, trackerId: 'a-tracker-long-gone', at: first.startTimestamp };
    await handleTrackerTimer(api.app.ports, { messageId: 'stale', body: stale, deliveryCount: 1, enqueuedAt: api.clock.now() });
    expect((await bob('GET', '/tracking/client/current')).body.data.tracker).toMatchObject({ workItemId: 5, activityCheck: null });
    expect((await bob('GET', '/rest/workLogs')).body.data).toHaveLength(1);
  });
});

describe('mail failures', () => {
  it('retries a notice the SMTP server refused until it is accepted, sending it once', async () => {
    const { bob, passTime } = await instance();
    smtp.refuseNext(2);
    await bob('POST', '/tracking/client/startTracking', { workItemId: 4 });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    expect(smtp.accepted).toHaveLength(0);
    await passTime(5 * SECOND);
    await passTime(10 * SECOND);
    expect(smtp.accepted).toHaveLength(1);
    await passTime(HOUR);
    expect(smtp.accepted).toHaveLength(1);
  });

  it('puts a notice that keeps failing in the dead-letter list, visible to its org\'s admins only', async () => {
    const { api, bob, passTime } = await instance();
    smtp.refuseNext(Infinity);
    await bob('POST', '/tracking/client/startTracking', { workItemId: 4 });
    await passTime(MINUTE);
    await passTime(10 * SECOND);
    for (let i = 0; i < 12; i++) await passTime(10 * MINUTE);
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const letters = await alice('GET', '/admin/deadLetters?queue=email-notices');
    expect(letters.status).toBe(200);
    expect(letters.body.data).toEqual([expect.objectContaining({ queue: 'email-notices', deliveryCount: 10 })]);
    expect(letters.body.data[0].reason).toMatch(/451|temporarily/);
    expect((await bob('GET', '/admin/deadLetters')).status).toBe(403);
    const contoso = client(api, await api.signIn('contoso', 'alice'));
    expect((await contoso('GET', '/admin/deadLetters')).body.data).toEqual([]);
  });
});

describe('a restart of npm start', () => {
  it('loses no pending check and duplicates no worklog or email', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timehub-restart-'));
    try {
      const before = await instance({ dataDir, smtp: false });
      await before.bob('POST', '/tracking/client/startTracking', { workItemId: 4 });
      await before.passTime(MINUTE); // the check is raised, its deadline is pending
      await before.api.close();
      open.splice(open.indexOf(before.api), 1);

      const after = await instance({ dataDir, smtp: false });
      after.api.clock.set(new Date(new Date(T0).getTime() + MINUTE));
      await after.passTime(10 * SECOND);
      await after.passTime(HOUR);
      expect((await after.bob('GET', '/rest/workLogs')).body.data).toEqual([
        expect.objectContaining({ length: 60, stopReason: 'No response from user during activity check' }),
      ]);
      expect(readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
