import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import type { SqliteMessageQueue } from '../../shared/adapters/local-queue/sqlite-message-queue.js';
import { runRetentionMaintenance } from '../../shared/orgs/retention-maintenance.js';
import { client, startTestApi, type OrgName, type TestApi } from '../support/api-server.js';
import { postBillingEvent, subscriptionCancelled, subscriptionCreated } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { DAY, MINUTE, SECOND, T0 } from '../support/worklog-builder.js';

/** Every container follows the uninstall clock: documents, subscriptions, queued messages, mail. */
const orgId = (org: OrgName) => findSeedOrganization(org)!.id;
const FABRIKAM = orgId('fabrikam');
const KEPT = 365 * DAY;

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
});
afterEach(() => api.close());

async function passTime(ms: number) {
  api.clock.advance(ms);
  await api.worker.runDue();
}

/** An org with data in every container: a subscription, a mail, a dead letter and a message due in 500 days. */
async function orgWithDataEverywhere(org: OrgName) {
  const alice = client(api, await api.signIn(org, 'alice'));
  const bob = client(api, await api.signIn(org, 'bob'));
  expect((await postBillingEvent(api, subscriptionCreated(`sub-${org}`, 5, api.clock.now().toISOString(), { days: 800 }))).status).toBe(200);
  expect((await alice('POST', '/subscription/activate', { subscriptionId: `sub-${org}` })).status).toBe(200);
  expect((await alice('PUT', '/settings/tracking', aTrackingPolicy())).status).toBe(200);
  expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 2 })).status).toBe(200);
  await passTime(MINUTE);
  await passTime(10 * SECOND); // no answer to the activity check: stopped, and bob is mailed
  const queue = api.app.ports.queue as SqliteMessageQueue;
  await queue.send('email-notices', { messageId: `failing-${org}`, body: { orgId: orgId(org), userId: 'u', worklogId: 'w' } });
  const pastEveryRetry = new Date(api.clock.now().getTime() + 30 * DAY);
  for (let delivery = 0; delivery < queue.policy.maxDeliveryCount; delivery++) {
    const claim = queue.claimNext(['email-notices'], pastEveryRetry);
    if (claim) queue.fail(claim, 'mail server refused');
  }
  await queue.schedule('email-notices', { messageId: `later-${org}`, body: { orgId: orgId(org), userId: 'u', worklogId: 'w' } }, new Date(api.clock.now().getTime() + 500 * DAY));
  return alice;
}

/** What the org has in each container that a user or an operator would find. */
async function whatIsLeft(org: OrgName) {
  const db = new Database(join(api.dataDir, 'timehub.sqlite'), { readonly: true });
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE json_extract(body, '$.orgId') = ?`).get(orgId(org)) as { n: number }).n;
  const queued = { pending: count('queue_messages'), deadLetters: count('queue_dead_letters') };
  db.close();
  let mails: string[] = [];
  try {
    mails = readdirSync(api.outbox).filter((name) => name.endsWith('.eml') && readFileSync(join(api.outbox, name), 'utf8').includes(`bob@${org}.example`));
  } catch { /* no outbox yet */ }
  return { subscription: (await api.store.read('subscriptions', `sub-${org}`, 'subscription')) !== undefined, ...queued, mails: mails.length };
}

const everything = { subscription: true, pending: 1, deadLetters: 1, mails: 1 };
const nothing = { subscription: false, pending: 0, deadLetters: 0, mails: 0 };

async function uninstall(alice: ReturnType<typeof client>) {
  const res = await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
  expect(res.status).toBe(200);
  return Date.parse(res.body.data.uninstalledTimestamp as string);
}

async function maintenanceAt(instant: number) {
  api.clock.set(new Date(instant));
  return runRetentionMaintenance(api.app.ports);
}

describe('the uninstall clock', () => {
  it('ends a document written after the uninstall and swept 100 days later at uninstall + 365 days', async () => {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const uninstalled = await uninstall(alice);
    const late = { id: 'late', pk: `${FABRIKAM}:late-user`, type: 'userState', schemaVersion: 1, orgId: FABRIKAM, userId: 'late-user' };
    await api.store.create('worklogs', late);
    expect((await maintenanceAt(uninstalled + 100 * DAY)).documentsRetained).toBe(1);
    expect((await api.store.read('worklogs', late.pk, late.id))?.ttl).toBe(265 * 86_400);

    api.clock.set(new Date(uninstalled + KEPT - SECOND));
    expect(await api.store.read('worklogs', late.pk, late.id)).toBeDefined();
    api.clock.set(new Date(uninstalled + KEPT));
    expect(await api.store.read('worklogs', late.pk, late.id)).toBeUndefined();
  });

  it("keeps the org's subscription, queued messages, dead letters and mail for 365 days, then removes them; another org's stay", async () => {
    const alice = await orgWithDataEverywhere('fabrikam');
    await orgWithDataEverywhere('contoso');
    expect(await whatIsLeft('fabrikam')).toEqual(everything);
    const uninstalled = await uninstall(alice);

    await maintenanceAt(uninstalled + KEPT - MINUTE);
    expect(await whatIsLeft('fabrikam')).toEqual(everything);
    const swept = await maintenanceAt(uninstalled + KEPT + MINUTE);
    expect(await whatIsLeft('fabrikam')).toEqual(nothing);
    expect(await whatIsLeft('contoso')).toEqual(everything);
    expect(swept).toMatchObject({ messagesPurged: 2, mailPurged: 1 });
  });

  it("is not restarted by a billing event on the org's subscription after the uninstall", async () => {
    const alice = await orgWithDataEverywhere('fabrikam');
    const uninstalled = await uninstall(alice);
    api.clock.set(new Date(uninstalled + 200 * DAY));
    expect((await postBillingEvent(api, subscriptionCancelled('sub-fabrikam'))).status).toBe(200);
    api.clock.set(new Date(uninstalled + KEPT - MINUTE));
    expect(await api.store.read('subscriptions', 'sub-fabrikam', 'subscription')).toMatchObject({ cancelled: true });
    api.clock.set(new Date(uninstalled + KEPT + MINUTE));
    expect(await api.store.read('subscriptions', 'sub-fabrikam', 'subscription')).toBeUndefined();
  });

  it('is stopped by a reinstall within the window, which keeps everything, and a later uninstall starts it again', async () => {
    const alice = await orgWithDataEverywhere('fabrikam');
    const first = await uninstall(alice);
    await maintenanceAt(first + 364 * DAY);
    const back = client(api, await api.signIn('fabrikam', 'alice'));
    expect((await back('GET', '/subscription')).body.data).toMatchObject({ status: 'active' });
    await maintenanceAt(first + KEPT + DAY);
    expect(await whatIsLeft('fabrikam')).toEqual(everything);

    const second = await uninstall(client(api, await api.signIn('fabrikam', 'alice')));
    await maintenanceAt(second + KEPT - MINUTE);
    expect(await whatIsLeft('fabrikam')).toEqual(everything);
    await maintenanceAt(second + KEPT + MINUTE);
    expect(await whatIsLeft('fabrikam')).toEqual(nothing);
  });
});
