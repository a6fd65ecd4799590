import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SECRETS } from '../../shared/config/settings.js';
import { signBillingEvent } from '../../shared/billing/billing-events.js';
import { generateLicenseKeys } from '../../shared/billing/license-file.js';
import { aLicense, subscriptionCreated } from '../support/billing-builder.js';
import { DAY, HOUR, MINUTE, SECOND, T0, aWorklog, at } from '../support/worklog-builder.js';
import { attackKit, type AttackKit } from './support/attack-kit.js';
import { seedOrgId, seedUserId, sessionClaims, signedAppToken, signedSession, unsignedToken, withEditedPayload } from './support/forged-tokens.js';
import { ORGS, startFuzzWorld, type FuzzWorld } from './support/fuzz-world.js';
import { errorEnvelope } from './support/raw-http.js';

const HOST_SUFFIX = '.timehub.example.com';
let world: FuzzWorld;
let kit: AttackKit;
let held = 0;
let contosoBudget = '';
let contosoTarget = '';

beforeAll(async () => {
  world = await startFuzzWorld({ PUBLIC_HOST_SUFFIX: HOST_SUFFIX });
  kit = attackKit(world);
  contosoBudget = (await kit.as('contoso', 'alice')('POST', '/rest/budgets', { workItemId: 1, name: 'Redesign', planned: 36_000 })).body.data.id as string;
  contosoTarget = (await kit.as('contoso', 'alice')('POST', '/rest/targets', { name: 'Offsite', color: '#336699' })).body.data.id as string;
});
afterAll(async () => {
  console.log(`auth: ${attacks.length} attacks, ${held} refused with the right status and nothing changed, ${attacks.length - held} not`);
  kit.close();
  await world.close();
});
// An attack that got through must not spoil the rows after it.
afterEach(async () => {
  world.api.clock.set(T0);
  for (const org of ORGS) await world.reinstall(org);
});

type Attack = [name: string, status: number, attack: (kit: AttackKit) => Promise<unknown>];

const session = (secret: string, o: { audience?: string; issuer?: string; expiredFor?: number } = {}) => {
  const now = kit.nowSeconds();
  const expiresAt = o.expiredFor ? now - o.expiredFor : now + 3600;
  return signedSession(sessionClaims('fabrikam', 'bob', ['admin']), { secret, audience: o.audience, issuer: o.issuer, issuedAt: expiresAt - 3600, expiresAt });
};
const appToken = (o: { secret?: string; audience?: string; expiredFor?: number; user?: 'alice' | 'bob' } = {}) => {
  const now = kit.nowSeconds();
  const expiresAt = o.expiredFor ? now - o.expiredFor : now + 3600;
  const { auth } = world.api.app;
  return signedAppToken('fabrikam', o.user ?? 'bob', {
    secret: o.secret ?? auth.appTokenSecret, audience: o.audience ?? auth.appTokenAudiences[0]!, issuer: auth.appTokenIssuer, issuedAt: expiresAt - 3600, expiresAt,
  });
};
const signIn = async (k: AttackKit, o: { appToken: string; accessOrg?: 'fabrikam' | 'contoso'; accessUser?: 'alice' | 'bob'; org?: string }) =>
  k.attempt('POST', '/session', {
    body: { organization: o.org ?? 'fabrikam', appToken: o.appToken, accessToken: await world.api.accessToken(o.accessOrg ?? 'fabrikam', o.accessUser ?? 'bob') },
  });
const bob = (k: AttackKit) => k.session('fabrikam', 'bob');
const alice = (k: AttackKit) => k.session('fabrikam', 'alice');
const contoso = () => world.owned.contoso;
const newApiToken = async (k: AttackKit, expiresInDays = 30) =>
  (await k.as('fabrikam', 'bob')('POST', '/rest/apiTokens', { name: 'attack', expiresInDays })).body.data as { id: string; token: string };
const savedView = async (k: AttackKit, org: 'fabrikam' | 'contoso', user: 'alice' | 'bob') =>
  (await k.as(org, user)('POST', '/reports/views', { name: 'attack', query: 'from=2025-01-01&to=2025-01-31&groupBy=user' })).body.data.id as string;
const event = (id: string, timestamp: string) => ({ ...subscriptionCreated(`sub-${id}`, 5, T0, { id }), timestamp });

const attacks: Attack[] = [
  // Bearer tokens
  ['no Authorization header', 401, (k) => k.attempt('GET', '/rest/me')],
  ['a garbage bearer token', 401, (k) => k.attempt('GET', '/rest/me', { token: 'garbage' })],
  ['Basic credentials instead of a bearer token', 401, (k) => k.attempt('GET', '/rest/me', { headers: { authorization: 'Basic YWxpY2U6YWxpY2U=' } })],
  ['a session token with alg none claiming admin', 401, (k) => k.attempt('GET', '/rest/me', { token: unsignedToken(sessionClaims('fabrikam', 'bob', ['admin'])) })],
  ['a session token signed with a wrong HS256 key', 401, async (k) => k.attempt('PUT', '/settings/tracking', { token: await session('not-the-session-secret-not-the-session-secret') })],
  ['a session token signed with the app token secret (key confusion)', 401, async (k) => k.attempt('GET', '/rest/me', { token: await session(LOCAL_SECRETS.appToken) })],
  ['an expired session token', 401, async (k) => k.attempt('GET', '/rest/me', { token: await session(world.api.app.auth.sessionSecret, { expiredFor: 60 }) })],
  ['a session token for another audience', 401, async (k) => k.attempt('GET', '/rest/me', { token: await session(world.api.app.auth.sessionSecret, { audience: 'another-api' }) })],
  ['a session token from another issuer', 401, async (k) => k.attempt('GET', '/rest/me', { token: await session(world.api.app.auth.sessionSecret, { issuer: 'someone-else' }) })],
  ["a member's session token edited to claim admin (signature kept)", 401, (k) => k.attempt('GET', '/admin/deadLetters', { token: withEditedPayload(bob(k), (p) => ({ ...p, roles: ['admin'] })) })],
  ["a session token edited to another org's id (signature kept)", 401, (k) => k.attempt('GET', '/rest/me', { token: withEditedPayload(bob(k), (p) => ({ ...p, org: 'contoso', orgName: 'contoso' })) })],
  ["the extension's app token used as a session token", 401, async (k) => k.attempt('GET', '/rest/me', { token: await appToken() })],
  // The session exchange
  ['an app token signed with a wrong key', 401, async (k) => signIn(k, { appToken: await appToken({ secret: 'not-the-extension-secret-not-the-extension-secret' }) })],
  ['an expired app token', 401, async (k) => signIn(k, { appToken: await appToken({ expiredFor: 60 }) })],
  ['an app token for another extension (wrong audience)', 401, async (k) => signIn(k, { appToken: await appToken({ audience: 'another.extension' }) })],
  ['an app token with alg none', 401, (k) => signIn(k, { appToken: unsignedToken({ nameid: seedUserId('fabrikam', 'bob'), aud: 'timehub.local' }) })],
  ["bob's app token with alice's access token", 401, async (k) => signIn(k, { appToken: await appToken(), accessUser: 'alice' })],
  ["fabrikam's access token presented for contoso", 401, async (k) => signIn(k, { appToken: await appToken(), accessOrg: 'fabrikam', org: 'contoso' })],
  // Personal API tokens
  ['a revoked API token', 401, async (k) => {
    const { id, token } = await newApiToken(k);
    await k.as('fabrikam', 'bob')('DELETE', `/rest/apiTokens/${id}`);
    await k.attempt('POST', '/rest/workLogs', { token, body: aWorklog({ timestamp: at(T0, -20 * HOUR) }) });
  }],
  ['an expired API token', 401, async (k) => {
    const { token } = await newApiToken(k, 1);
    world.api.clock.advance(DAY + SECOND);
    await k.attempt('GET', '/rest/me', { token });
  }],
  ['an API token with its secret changed', 401, async (k) => k.attempt('GET', '/rest/me', { token: (await newApiToken(k)).token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })],
  ["an API token with another org's id swapped in", 401, async (k) => {
    const [prefix, , tokenId, secret] = (await newApiToken(k)).token.split('.');
    await k.attempt('GET', '/rest/me', { token: [prefix, seedOrgId('contoso'), tokenId, secret].join('.') });
  }],
  // Another organization's ids
  ["another org's worklog, read by id", 404, (k) => k.attempt('GET', `/rest/workLogs/${contoso().worklogs.bob}`, { token: alice(k) })],
  ["another org's worklog, changed", 404, (k) => k.attempt('PATCH', `/rest/workLogs/${contoso().worklogs.alice}`, { token: alice(k), body: { comment: 'mine now' } })],
  ["another org's worklog, deleted", 404, (k) => k.attempt('DELETE', `/rest/workLogs/${contoso().worklogs.alice}`, { token: alice(k) })],
  ["another org's API token, revoked", 404, (k) => k.attempt('DELETE', `/rest/apiTokens/${contoso().apiTokens.alice}`, { token: alice(k) })],
  ["another org's activity type, deactivated", 404, (k) => k.attempt('DELETE', `/rest/activityTypes/${contoso().activityType}`, { token: alice(k) })],
  ["another org's user as userId, listing worklogs", 404, (k) => k.attempt('GET', `/rest/workLogs?userId=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["another org's user as userId, adding a worklog", 404, (k) => k.attempt('POST', `/rest/workLogs?userId=${seedUserId('contoso', 'bob')}`, { token: alice(k), body: aWorklog({ timestamp: at(T0, -30 * HOUR) }) })],
  ["another org's user in a report's users", 404, (k) => k.attempt('GET', `/reports/time?from=2025-01-01&to=2025-01-31&groupBy=user&users=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["another org's user's timesheet", 404, (k) => k.attempt('GET', `/timesheet?from=2025-01-06&to=2025-01-12&userId=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["another org's user's rollups recounted", 404, (k) => k.attempt('POST', '/admin/rollups/recount', { token: alice(k), body: { userId: seedUserId('contoso', 'bob') } })],
  ["another org's user as userId, in a role assignment", 404, (k) => k.attempt('POST', '/rest/users/roles', { token: alice(k), body: { userId: seedUserId('contoso', 'bob'), role: 'administrator' } })],
  // A Member against Administrators' endpoints and others' time
  ['a Member changing the tracking settings', 403, (k) => k.attempt('PUT', '/settings/tracking', {
    token: bob(k), body: { activityCheck: { enabled: false, intervalMinutes: 60, waitingSeconds: 60 }, maxTrackLengthHours: 24, emailNotifications: false },
  })],
  ['a Member making themselves Administrator', 403, (k) => k.attempt('POST', '/rest/users/roles', { token: bob(k), body: { userId: seedUserId('fabrikam', 'bob'), role: 'administrator' } })],
  ['a Member uninstalling the org', 403, (k) => k.attempt('POST', '/orgs/uninstall', { token: bob(k) })],
  ['a Member reading dead letters', 403, (k) => k.attempt('GET', '/admin/deadLetters', { token: bob(k) })],
  ['a Member adding an activity type', 403, (k) => k.attempt('POST', '/rest/activityTypes', { token: bob(k), body: { name: 'Mine', color: '#112233' } })],
  ['a Member activating a valid license', 403, (k) => k.attempt('POST', '/subscription/license', { token: bob(k), body: aLicense({ expiry: at(T0, 30 * DAY) }) })],
  ["a Member adding time for another user", 403, (k) => k.attempt('POST', `/rest/workLogs?userId=${seedUserId('fabrikam', 'alice')}`, { token: bob(k), body: aWorklog({ timestamp: at(T0, -40 * HOUR) }) })],
  ["a Member reading another user's timesheet", 403, (k) => k.attempt('GET', `/timesheet?from=2025-01-06&to=2025-01-12&userId=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  ["a Member reading another user's worklogs", 403, (k) => k.attempt('GET', `/rest/workLogs?userId=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  // Times Explorer bulk actions
  ["a Member bulk-deleting an Administrator's worklog", 403, (k) => k.attempt('POST', '/explorer/bulkActions', {
    token: bob(k), body: { change: { kind: 'delete' }, worklogs: [{ id: world.owned.fabrikam.worklogs.alice, userId: seedUserId('fabrikam', 'alice') }] },
  })],
  ['a Member bulk-changing everything matching a filter', 403, (k) => k.attempt('POST', '/explorer/bulkActions', {
    token: bob(k), body: { change: { kind: 'billable', billable: false }, filter: { from: at(T0, -10 * DAY), to: at(T0) } },
  })],
  ['a Member previewing a bulk action', 403, (k) => k.attempt('POST', '/explorer/bulkActions/preview', {
    token: bob(k), body: { change: { kind: 'delete' }, worklogs: [{ id: world.owned.fabrikam.worklogs.bob, userId: seedUserId('fabrikam', 'bob') }] },
  })],
  ["another org's worklog ids in a bulk delete", 422, (k) => k.attempt('POST', '/explorer/bulkActions', {
    token: alice(k), body: { change: { kind: 'delete' }, worklogs: [{ id: contoso().worklogs.alice, userId: seedUserId('contoso', 'alice') }] },
  })],
  ["a Member listing another user's time in the Times Explorer", 403, (k) => k.attempt('GET', `/explorer/workLogs?userIds=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  // Exports: the role rules and the org boundary hold for files as for lists
  ['an export without a token', 401, (k) => k.attempt('GET', '/exports/workLogs?format=csv')],
  ["a Member exporting another user's time", 403, (k) => k.attempt('GET', `/exports/workLogs?format=csv&userIds=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  ["a Member exporting their own and another user's time", 403, (k) => k.attempt('GET', `/exports/workLogs?format=xlsx&userIds=${seedUserId('fabrikam', 'bob')},${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  ["another org's user named in an export", 404, (k) => k.attempt('GET', `/exports/workLogs?format=csv&userIds=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["a fabrikam token exporting on contoso's host", 403, (k) => k.attempt('GET', '/exports/workLogs?format=csv', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  ['a report export without a token', 401, (k) => k.attempt('GET', '/exports/reports/time?format=csv&from=2025-01-01&to=2025-01-31&groupBy=user')],
  ["a Member exporting a report of another user's time", 403, (k) => k.attempt('GET', `/exports/reports/time?format=xlsx&from=2025-01-01&to=2025-01-31&groupBy=user&users=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  ["another org's user named in a report export", 404, (k) => k.attempt('GET', `/exports/reports/time?format=csv&from=2025-01-01&to=2025-01-31&groupBy=user&users=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["a Member asking a report of another user's time", 403, (k) => k.attempt('GET', `/reports/time?from=2025-01-01&to=2025-01-31&groupBy=user&users=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  // Saved report views belong to their user, in their org
  ['saved report views without a token', 401, (k) => k.attempt('GET', '/reports/views')],
  ["another user's saved report view, deleted", 404, async (k) => k.attempt('DELETE', `/reports/views/${await savedView(k, 'fabrikam', 'alice')}`, { token: bob(k) })],
  ["another org's saved report view, deleted", 404, async (k) => k.attempt('DELETE', `/reports/views/${await savedView(k, 'contoso', 'alice')}`, { token: alice(k) })],
  ['orgId in a saved report view\'s query', 400, (k) => k.attempt('POST', '/reports/views', {
    token: alice(k), body: { name: 'theirs', query: `from=2025-01-01&to=2025-01-31&groupBy=user&users=${seedUserId('contoso', 'bob')}&orgId=${seedOrgId('contoso')}` },
  })],
  // Work item automation: Administrators only, never another org's dead letters
  ['a Member turning on work item automation', 403, (k) => k.attempt('PUT', '/settings/automation', {
    token: bob(k), body: { enabled: true, completedWork: 'add', remainingWork: 'subtract', roundingHours: 0, workItemTypes: ['Task'] },
  })],
  ['a Member reading the work item automation settings', 403, (k) => k.attempt('GET', '/settings/automation', { token: bob(k) })],
  ['a Member previewing a work item recompute', 403, (k) => k.attempt('GET', '/admin/workItems/recompute?workItemId=10', { token: bob(k) })],
  ['a Member applying a work item recompute', 403, (k) => k.attempt('POST', '/admin/workItems/recompute', { token: bob(k), body: { workItemId: 10 } })],
  ['a Member retrying a dead letter', 403, (k) => k.attempt('POST', '/admin/deadLetters/retry', { token: bob(k), body: { queue: 'work-item-updates', messageId: 'any' } })],
  ["a dead letter that is not the org's, retried", 404, (k) => k.attempt('POST', '/admin/deadLetters/retry', { token: alice(k), body: { queue: 'email-notices', messageId: 'someone-elses' } })],
  ['orgId in the automation settings', 400, (k) => k.attempt('PUT', '/settings/automation', {
    token: alice(k), body: { enabled: true, completedWork: 'add', remainingWork: 'subtract', roundingHours: 0, workItemTypes: ['Task'], orgId: seedOrgId('contoso') },
  })],
  ["a Member asking for a rollup recount", 403, (k) => k.attempt('POST', '/admin/rollups/recount', { token: bob(k), body: { userId: seedUserId('fabrikam', 'bob') } })],
  // The OData feed: Basic as Excel sends it, the role rules, the org boundary
  ['the OData feed without credentials', 401, (k) => k.attempt('GET', '/odata/v3.2/workLogsOnly')],
  ['the OData feed with Basic and a forged API token as the password', 401, (k) => k.attempt('GET', '/odata/v3.2/workLogsOnly', {
    headers: { authorization: `Basic ${Buffer.from(`:th.${seedOrgId('fabrikam')}.forged.secret`).toString('base64')}` },
  })],
  ["a Member filtering the OData feed on another user's id", 403, (k) => k.attempt('GET', `/odata/v3.2/workLogsOnly?$filter=${encodeURIComponent(`UserId eq ${seedUserId('fabrikam', 'alice')}`)}`, { token: bob(k) })],
  ["a Member summing another user's time through $apply", 403, (k) => k.attempt('GET', `/odata/v3.2/workLogsOnly?$apply=${encodeURIComponent(`filter(UserId in (${seedUserId('fabrikam', 'alice')}))/aggregate(PeriodLength with sum as S)`)}`, { token: bob(k) })],
  ["another org's user in an OData filter", 404, (k) => k.attempt('GET', `/odata/v3.2/workLogsWorkItems?$filter=${encodeURIComponent(`UserId eq ${seedUserId('contoso', 'bob')}`)}`, { token: alice(k) })],
  ["a fabrikam token reading the OData feed on contoso's host", 403, (k) => k.attempt('GET', '/odata/v3.2/workLogsOnly', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  ['OData budgets without credentials', 401, (k) => k.attempt('GET', '/odata/v3.2/budgets')],
  ['a Member naming in OData a budget of work items they never tracked', 403, async (k) => {
    const id = (await k.as('fabrikam', 'alice')('POST', '/rest/budgets', { workItemId: 21, name: 'Not yours', planned: 3600 })).body.data.id as string;
    expect((await k.as('fabrikam', 'alice')('GET', '/odata/v3.2/budgets')).status).toBe(200); // the cache is warm: a refusal writes nothing
    await k.attempt('GET', `/odata/v3.2/budgets?$filter=${encodeURIComponent(`Id eq ${id}`)}`, { token: bob(k) });
  }],
  ['a Member naming in OData a work item they never tracked', 403, (k) => k.attempt('GET', `/odata/v3.2/workItems?$filter=${encodeURIComponent('System_Id eq 21')}`, { token: bob(k) })],
  ["a fabrikam token reading OData budgets on contoso's host", 403, (k) => k.attempt('GET', '/odata/v3.2/budgets', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  ["a fabrikam token reading OData workItems on contoso's host", 403, (k) => k.attempt('GET', '/odata/v3.2/workItemsHierarchy', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  ['an OData navigation path without credentials', 401, (k) => k.attempt('GET', '/odata/v3.2/workItems(10)/DirectWorklogs')],
  ['an OData entity by its key without credentials', 401, (k) => k.attempt('GET', '/odata/v3.2/budgets(00000000-0000-0000-0000-000000000001)')],
  ['a Member reading by its OData path the worklogs of a work item they never tracked', 403, (k) => k.attempt('GET', '/odata/v3.2/workItems(21)/DirectWorklogs', { token: bob(k) })],
  ['a Member expanding by its OData key a work item they never tracked', 403, (k) => k.attempt('GET', '/odata/v3.2/workItemsHierarchyAllLevels(21)?$expand=AllWorklogs', { token: bob(k) })],
  ['a Member reading by its OData path the worklogs of a budget of work items they never tracked', 403, async (k) => {
    const id = (await k.as('fabrikam', 'alice')('POST', '/rest/budgets', { workItemId: 22, name: 'Not yours either', planned: 3600 })).body.data.id as string;
    expect((await k.as('fabrikam', 'alice')('GET', `/odata/v3.2/budgets(${id})/Worklogs`)).status).toBe(200); // the cache is warm: a refusal writes nothing
    await k.attempt('GET', `/odata/v3.2/budgets(${id})/Worklogs`, { token: bob(k) });
  }],
  ["a fabrikam token reading an OData navigation path on contoso's host", 403, (k) => k.attempt('GET', '/odata/v3.2/workItemsHierarchy(1)/Children', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  // Time approvals
  ['a Member changing the approval settings', 403, (k) => k.attempt('PUT', '/settings/approvals', {
    token: bob(k), body: { enabled: false, firstDayOfWeek: 1, approvers: 'teamLeads', requireCompleteWeek: false, minimumWeekHours: 0, reminderDay: null, emailNotices: false },
  })],
  ["a Member approving an Administrator's week", 403, (k) => k.attempt('POST', '/approvals/approve', { token: bob(k), body: { userId: seedUserId('fabrikam', 'alice'), weekStart: '2025-01-06' } })],
  ['a Member closing their own week', 403, (k) => k.attempt('POST', '/approvals/close', { token: bob(k), body: { userId: seedUserId('fabrikam', 'bob'), weekStart: '2024-12-30' } })],
  ["a Member reopening another user's week", 403, (k) => k.attempt('POST', '/approvals/reopen', { token: bob(k), body: { userId: seedUserId('fabrikam', 'alice'), weekStart: '2024-12-30', reason: 'mine now' } })],
  ['a Member listing 7pace time approvals', 403, (k) => k.attempt('GET', '/rest/timeApproval/all', { token: bob(k) })],
  ["a Member reading the approvers' queue", 403, (k) => k.attempt('GET', '/approvals/queue', { token: bob(k) })],
  ["another org's user's week closed", 404, (k) => k.attempt('POST', '/approvals/close', { token: alice(k), body: { userId: seedUserId('contoso', 'bob'), weekStart: '2024-12-30' } })],
  ["another org's user's weeks listed", 404, (k) => k.attempt('GET', `/approvals/weeks?from=2024-12-30&to=2025-01-05&userId=${seedUserId('contoso', 'bob')}`, { token: alice(k) })],
  ["a Member listing another user's weeks", 403, (k) => k.attempt('GET', `/approvals/weeks?from=2024-12-30&to=2025-01-05&userId=${seedUserId('fabrikam', 'alice')}`, { token: bob(k) })],
  // Budgets: managers change them, others read what their role allows, never another org's
  ["another org's budget, read by id", 404, (k) => k.attempt('GET', `/rest/budgets/${contosoBudget}`, { token: alice(k) })],
  ["another org's budget, changed", 404, (k) => k.attempt('PATCH', `/rest/budgets/${contosoBudget}`, { token: alice(k), body: { planned: 1 } })],
  ["another org's budget, deleted", 404, (k) => k.attempt('DELETE', `/rest/budgets/${contosoBudget}`, { token: alice(k) })],
  ['budgets read without a token', 401, (k) => k.attempt('GET', '/rest/budgets/status?workItemId=1')],
  ['budget trees read without a token', 401, (k) => k.attempt('GET', '/rest/budgets/trees')],
  ['a Member creating a budget', 403, (k) => k.attempt('POST', '/rest/budgets', { token: bob(k), body: { workItemId: 2, name: 'Mine', planned: 3600 } })],
  ['a Member changing the budget thresholds', 403, (k) => k.attempt('PUT', '/settings/budgets', { token: bob(k), body: { thresholds: [1] } })],
  ['a Member reading the budgets of work items they never tracked', 403, async (k) => {
    expect((await k.as('fabrikam', 'alice')('GET', '/rest/budgets/status?workItemId=21')).status).toBe(200); // the cache is warm: a refusal writes nothing
    await k.attempt('GET', '/rest/budgets/status?workItemId=21', { token: bob(k) });
  }],
  // Internal targets: Administrators manage them, Members track on the active ones of their own org
  ['a Member adding a target', 403, (k) => k.attempt('POST', '/rest/targets', { token: bob(k), body: { name: 'Mine', color: '#112233' } })],
  ['a Member renaming a target', 403, (k) => k.attempt('PATCH', '/rest/targets/vacation', { token: bob(k), body: { name: 'Holidays' } })],
  ['a Member deactivating a target', 403, (k) => k.attempt('DELETE', '/rest/targets/vacation', { token: bob(k) })],
  ['a Member listing deactivated targets', 403, (k) => k.attempt('GET', '/rest/targets?includeInactive=true', { token: bob(k) })],
  ['targets listed without a token', 401, (k) => k.attempt('GET', '/rest/targets')],
  ["another org's target, deactivated", 404, (k) => k.attempt('DELETE', `/rest/targets/${contosoTarget}`, { token: alice(k) })],
  ["another org's target, renamed", 404, (k) => k.attempt('PATCH', `/rest/targets/${contosoTarget}`, { token: alice(k), body: { name: 'Mine now' } })],
  ["another org's target named in a worklog", 422, (k) => k.attempt('POST', '/rest/workLogs', {
    token: bob(k), body: { timestamp: at(T0, -52 * HOUR), length: 600, targetId: contosoTarget },
  })],
  ["another org's target named in a tracker start", 422, (k) => k.attempt('POST', '/tracking/client/startTracking', { token: bob(k), body: { targetId: contosoTarget } })],
  // Escalation through body fields
  ["a Member's worklog body naming another userId (7pace's per-item userId)", 403, (k) => k.attempt('POST', '/rest/workLogs', { token: bob(k), body: { ...aWorklog({ timestamp: at(T0, -50 * HOUR) }), userId: seedUserId('fabrikam', 'alice') } })],
  ['orgId in a worklog body', 400, (k) => k.attempt('POST', '/rest/workLogs', { token: bob(k), body: { ...aWorklog({ timestamp: at(T0, -51 * HOUR) }), orgId: seedOrgId('contoso') } })],
  ['role in an API token body', 400, (k) => k.attempt('POST', '/rest/apiTokens', { token: bob(k), body: { name: 'root', roles: ['admin'] } })],
  ['role in my settings', 400, (k) => k.attempt('PUT', '/rest/me/settings', { token: bob(k), body: { emailNotificationsOnTracking: true, role: 'administrator' } })],
  ['__proto__ claiming admin in a body', 400, (k) => k.attempt('PUT', '/rest/me/settings', { token: bob(k), body: '{"emailNotificationsOnTracking":true,"__proto__":{"roles":["admin"]}}' })],
  // Webhooks
  ['an unsigned billing event', 401, (k) => k.postEvent(event('evt-unsigned', at(T0)), { signature: null })],
  ['a billing event signed with a wrong secret', 401, (k) => k.postEvent(event('evt-forged', at(T0)), { secret: 'not-the-webhook-secret-not-the-webhook-secret' })],
  ["a billing event carrying another body's signature", 401, (k) => {
    const signature = signBillingEvent(LOCAL_SECRETS.billingWebhook, JSON.stringify(event('evt-signed', at(T0))));
    return k.postEvent(event('evt-swapped', at(T0)), { signature });
  }],
  ['a replayed billing event', 401, async (k) => {
    const first = event('evt-replayed', at(T0));
    expect((await k.postEvent(first, { judged: false })).status).toBe(200);
    await k.postEvent(first);
  }],
  ['a stale billing event (six minutes old)', 401, (k) => k.postEvent(event('evt-stale', at(T0, -6 * MINUTE)))],
  ['a billing event from six minutes ahead', 401, (k) => k.postEvent(event('evt-ahead', at(T0, 6 * MINUTE)))],
  // License files
  ['a license file with its seats raised', 400, (k) => k.attempt('POST', '/subscription/license', { token: alice(k), body: { ...aLicense({ expiry: at(T0, 30 * DAY) }), seats: 1000 } })],
  ['a license file with its expiry moved', 400, (k) => k.attempt('POST', '/subscription/license', { token: alice(k), body: { ...aLicense({ expiry: at(T0, 30 * DAY) }), expiry: at(T0, 3000 * DAY) } })],
  ['a license file signed with another key', 400, (k) => k.attempt('POST', '/subscription/license', { token: alice(k), body: aLicense({ expiry: at(T0, 30 * DAY) }, generateLicenseKeys().privateKeyPem) })],
  ["another org's valid license file", 422, (k) => k.attempt('POST', '/subscription/license', { token: alice(k), body: aLicense({ org: 'contoso', expiry: at(T0, 30 * DAY) }) })],
  // 7pace's tracking client API
  ['an idleCheck without a token', 401, (k) => k.attempt('POST', '/tracking/client/idleCheck/0')],
  ['a searchByQuery with a garbage token', 401, (k) => k.attempt('POST', '/tracking/client/searchByQuery', { token: 'garbage', body: { query: '1' } })],
  ["a fabrikam token searching work items on contoso's host", 403, (k) => k.attempt('POST', '/tracking/client/search', { token: alice(k), body: 1, headers: { host: `contoso${HOST_SUFFIX}` } })],
  // Spoofed hosts
  ["a fabrikam token on contoso's host", 403, (k) => k.attempt('GET', '/rest/me', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}` } })],
  ["a fabrikam token on contoso's host written with a trailing dot", 403, (k) => k.attempt('GET', '/rest/me', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}.` } })],
  ["a fabrikam token on contoso's host in capitals", 403, (k) => k.attempt('GET', '/rest/me', { token: alice(k), headers: { host: `CONTOSO${HOST_SUFFIX.toUpperCase()}` } })],
  ["a fabrikam token on contoso's host with a port", 403, (k) => k.attempt('GET', '/rest/me', { token: alice(k), headers: { host: `contoso${HOST_SUFFIX}:443` } })],
  // Destructive actions
  ['an uninstall that asks for a dry run without confirming', 400, (k) => k.attempt('POST', '/orgs/uninstall', { token: alice(k), body: { dryRun: true, confirm: false } })],
];

describe('the attack list: each attack is refused with its status, in the error envelope, and changes nothing', () => {
  it.each(attacks)('%s → %i', async (_name, status, attack) => {
    await attack(kit);
    const { res, changed } = kit.takeAttempt();
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(errorEnvelope(res.json), res.text.slice(0, 300)).toBeDefined();
    expect(changed, 'rows the refused request changed').toEqual([]);
    held++;
  });

  it('holds at least 25 distinct attacks', () => {
    expect(new Set(attacks.map(([name]) => name)).size).toBeGreaterThanOrEqual(25);
  });
});
