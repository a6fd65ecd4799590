import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { runRetentionMaintenance } from '../../shared/orgs/retention-maintenance.js';
import { RETENTION_SECONDS } from '../../shared/orgs/retention.js';
import type { ContainerName, Document } from '../../shared/ports/document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, T0, aWorklog, at } from '../support/worklog-builder.js';

const FABRIKAM = findSeedOrganization('fabrikam')!.id;

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let bobToken: string;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  bobToken = (await bob('POST', '/rest/apiTokens', { name: 'script', expiresInDays: 365 })).body.data.token;
  await bob('POST', '/rest/workLogs', aWorklog());
  await bob('POST', '/rest/workLogs/batch', [aWorklog({ timestamp: at(T0, -DAY) }), aWorklog({ timestamp: at(T0, -2 * DAY) })], { 'Idempotency-Key': 'k1' });
});
afterEach(() => api.close());

/** Every stored document of fabrikam, in both containers, as the store holds them now. */
async function fabrikamDocuments() {
  const all: (Document & { container: ContainerName; uninstallRetention?: unknown })[] = [];
  for (const container of ['orgs', 'worklogs'] as const) {
    const docs = await api.store.query<Document>(container, { partition: { crossPartition: true } });
    all.push(...docs.filter((d) => d.pk === FABRIKAM || d.pk.startsWith(`${FABRIKAM}:`)).map((d) => ({ ...d, container })));
  }
  return all;
}

describe('POST /api/orgs/uninstall', () => {
  it('keeps every document of the org for 365 days, and requests stop at once', async () => {
    const res = await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ installState: 'uninstalled', uninstalledTimestamp: T0, dataKeptUntil: at(T0, 365 * DAY) });

    const docs = await fabrikamDocuments();
    expect(docs.map((d) => d.type).sort()).toEqual(expect.arrayContaining(['organization', 'orgUser', 'apiToken', 'worklog', 'userState', 'idempotency']));
    for (const doc of docs) {
      expect(doc.ttl, `${doc.container}/${doc.id}`).toBeGreaterThan(0);
      expect(doc.ttl!, `${doc.container}/${doc.id}`).toBeLessThanOrEqual(RETENTION_SECONDS);
    }
    const refused = await bob('GET', '/rest/workLogs');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'org.uninstalled', message: expect.stringContaining(`kept until ${at(T0, 365 * DAY)}`) });
    expect((await client(api, bobToken)('GET', '/rest/workLogs')).status).toBe(403);
  });

  it('answers 403 to a member and leaves the org alone', async () => {
    expect((await bob('POST', '/orgs/uninstall', { confirm: 'fabrikam' })).status).toBe(403);
    expect((await bob('GET', '/rest/workLogs')).body.data).toHaveLength(3);
  });

  it.each([
    ['no body', undefined, 400],
    ['the flags of a careless script', { dryRun: true, confirm: false }, 400],
    ['an unknown key', { confirm: 'fabrikam', force: true }, 400],
    ["another organization's name", { confirm: 'contoso' }, 422],
  ])('refuses %s and changes nothing', async (_what, body, status) => {
    const before = await fabrikamDocuments();
    const res = await alice('POST', '/orgs/uninstall', body);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(/confirm|body/);
    expect(await fabrikamDocuments()).toEqual(before);
    expect((await bob('GET', '/rest/workLogs')).status).toBe(200);
  });

  it('a dry run says what would happen and changes nothing', async () => {
    api.clock.advance(45 * 60_000);
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 3 })).status).toBe(200);
    const before = await fabrikamDocuments();
    const res = await alice('POST', '/orgs/uninstall', { confirm: 'Fabrikam', dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ dryRun: true, runningTrackersToStop: 1, dataKeptUntil: at(T0, 365 * DAY + 45 * 60_000) });
    expect(await fabrikamDocuments()).toEqual(before);
  });

  it('leaves other organizations alone', async () => {
    const contoso = client(api, await api.signIn('contoso', 'bob'));
    await contoso('POST', '/rest/workLogs', aWorklog());
    await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    expect((await contoso('GET', '/rest/workLogs')).body.data).toHaveLength(1);
  });
});

describe('a session within 365 days', () => {
  it('reinstalls the org with all its data, and each document gets its own TTL back', async () => {
    const before = (await bob('GET', '/rest/workLogs')).body.data;
    await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    api.clock.advance(364 * DAY);
    const back = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await back('GET', '/rest/workLogs')).body.data).toEqual(before);
    expect((await client(api, bobToken)('GET', '/rest/me')).status).toBe(200);

    const docs = await fabrikamDocuments();
    expect(docs.filter((d) => d.uninstallRetention)).toEqual([]);
    expect(docs.filter((d) => d.type === 'worklog').every((d) => d.ttl === undefined)).toBe(true);
    expect(docs.find((d) => d.type === 'apiToken')?.ttl).toBe(395 * 86_400);

    // Past the day the uninstall would have removed it: nothing expires any more.
    api.clock.advance(2 * DAY);
    expect((await client(api, await api.signIn('fabrikam', 'bob'))('GET', '/rest/workLogs')).body.data).toEqual(before);
  });
});

describe('after 365 days', () => {
  it('the data is gone: the store expires it, and the worker purges it from the file', async () => {
    await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    api.clock.advance(365 * DAY + 1000);
    expect(await fabrikamDocuments()).toEqual([]);
    const swept = await runRetentionMaintenance(api.app.ports);
    expect(swept.documentsPurged).toBeGreaterThanOrEqual(9);
    expect(await runRetentionMaintenance(api.app.ports)).toEqual({ uninstalledOrgs: 0, documentsRetained: 0, documentsPurged: 0, messagesPurged: 0, mailPurged: 0, rollupsRebuilt: { users: 0, worklogs: 0 }, approvalRemindersArmed: 0 });

    const fresh = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await fresh('GET', '/rest/workLogs')).body.data).toEqual([]);
    expect((await fresh('GET', '/subscription')).body.data).toMatchObject({ status: 'trial', trialDaysLeft: 28 });
  });

  it('maintenance gives a document written after the uninstall sweep its TTL too', async () => {
    await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    await api.store.create('worklogs', { id: 'late', pk: `${FABRIKAM}:late-user`, type: 'userState', schemaVersion: 1, orgId: FABRIKAM, userId: 'late-user' });
    expect((await runRetentionMaintenance(api.app.ports)).documentsRetained).toBe(1);
    expect((await api.store.read('worklogs', `${FABRIKAM}:late-user`, 'late'))?.ttl).toBe(RETENTION_SECONDS);
  });
});

describe('GET /api/about', () => {
  it('names the product version, the build and the API versions, without a token', async () => {
    const res = await client(api)('GET', '/about');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ product: 'Timehub', version: '0.1.0', build: 'local', apiVersions: ['3.0'] });
  });
});
