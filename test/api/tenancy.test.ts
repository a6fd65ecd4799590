import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_SECRETS } from '../../shared/config/settings.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, MINUTE, SECOND, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
});
afterEach(() => api.close());

async function apiToken(session: string, body: Record<string, unknown> = { name: 'script' }) {
  const res = await client(api, session)('POST', '/rest/apiTokens', body);
  expect(res.status).toBe(201);
  return res.body.data as { id: string; name: string; token: string; expiresTimestamp: string };
}

const me = (token?: string) => client(api, token)('GET', '/rest/me');

describe('who may call', () => {
  it('answers 401 without a token, with a clear message', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'auth.unauthorized', message: expect.stringContaining('Authorization: Bearer') });
  });

  it.each(['garbage', 'th.garbage', 'th.a.b.c', 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln'])('answers 401 to the bearer token %s', async (token) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('auth.unauthorized');
  });

  it('answers 401 to a session token signed with another secret', async () => {
    const forged = await new SignJWT({ org: 'x', orgName: 'fabrikam', name: 'Mallory', uniqueName: 'm', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer('timehub').setAudience('timehub-api')
      .setExpirationTime('1h').sign(new TextEncoder().encode('not-the-session-secret-not-the-session-secret'));
    expect((await me(forged)).status).toBe(401);
  });

  it("answers 401 to the extension's app token used as a session token", async () => {
    expect((await me(await api.appToken('fabrikam', 'alice'))).status).toBe(401);
  });

  it('answers 401 to a session token signed with the app token secret', async () => {
    const confused = await new SignJWT({ org: 'x', orgName: 'fabrikam', name: 'A', uniqueName: 'a', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer('timehub').setAudience('timehub-api')
      .setExpirationTime('1h').sign(new TextEncoder().encode(LOCAL_SECRETS.appToken));
    expect((await me(confused)).status).toBe(401);
  });

  it('answers 401 once the session has expired (60 minutes)', async () => {
    const session = await api.signIn('fabrikam', 'bob');
    api.clock.advance(59 * MINUTE);
    expect((await me(session)).status).toBe(200);
    api.clock.advance(MINUTE + SECOND);
    const res = await me(session);
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toMatch(/sign in again/);
  });
});

describe('personal API tokens', () => {
  it('shows the secret once; the list never does; the token works as a bearer', async () => {
    const session = await api.signIn('fabrikam', 'alice');
    const created = await apiToken(session, { name: 'reporting', expiresInDays: 30 });
    expect(created.token).toMatch(/^th\./);
    expect(created.expiresTimestamp).toBe(at(T0, 30 * DAY));

    const list = await client(api, session)('GET', '/rest/apiTokens');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([{ id: created.id, name: 'reporting', createdTimestamp: T0, expiresTimestamp: created.expiresTimestamp }]);
    expect(JSON.stringify(list.body)).not.toContain(created.token.split('.').at(-1));

    const res = await me(created.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ organization: { name: 'fabrikam' }, user: { uniqueName: 'alice@fabrikam.example' }, roles: ['admin'] });
  });

  it.each([[366], [0], ['30']])('refuses expiresInDays %j with 400', async (expiresInDays) => {
    const session = await api.signIn('fabrikam', 'bob');
    const res = await client(api, session)('POST', '/rest/apiTokens', { name: 'x', expiresInDays });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('body.expiresInDays');
    expect((await client(api, session)('GET', '/rest/apiTokens')).body.data).toEqual([]);
  });

  it('stops working once revoked', async () => {
    const session = await api.signIn('fabrikam', 'bob');
    const { id, token } = await apiToken(session);
    expect((await me(token)).status).toBe(200);
    const revoked = await client(api, session)('DELETE', `/rest/apiTokens/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toEqual({ id, revoked: true });
    expect((await me(token)).status).toBe(401);
    expect((await client(api, session)('GET', '/rest/apiTokens')).body.data).toEqual([]);
  });

  it("answers 404 to revoking another user's or another org's token, which keeps working", async () => {
    const bobs = await apiToken(await api.signIn('fabrikam', 'bob'));
    const carol = client(api, await api.signIn('fabrikam', 'carol'));
    const contosoBob = client(api, await api.signIn('contoso', 'bob'));
    expect((await carol('DELETE', `/rest/apiTokens/${bobs.id}`)).status).toBe(404);
    expect((await contosoBob('DELETE', `/rest/apiTokens/${bobs.id}`)).status).toBe(404);
    expect((await me(bobs.token)).status).toBe(200);
  });

  it('answers 401 once the token has expired', async () => {
    const { token } = await apiToken(await api.signIn('fabrikam', 'bob'), { name: 'short', expiresInDays: 1 });
    api.clock.advance(DAY - SECOND);
    expect((await me(token)).status).toBe(200);
    api.clock.advance(SECOND);
    expect((await me(token)).status).toBe(401);
  });

  it('answers 401 to a token whose organization part was swapped for another org', async () => {
    const contosoAlice = client(api, await api.signIn('contoso', 'alice'));
    const contosoOrgId = (await contosoAlice('GET', '/rest/me')).body.data.organization.id as string;
    const { token } = await apiToken(await api.signIn('fabrikam', 'bob'));
    const [prefix, , tokenId, secret] = token.split('.');
    expect((await me([prefix, contosoOrgId, tokenId, secret].join('.'))).status).toBe(401);
  });
});

describe('every request is scoped to the caller', () => {
  async function aliceWorklog() {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    const created = await alice('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -60 * MINUTE), comment: 'secret' }));
    expect(created.status).toBe(201);
    return { alice, worklog: created.body.data as { id: string } };
  }

  it.each([
    ['a contoso session', 'contoso', 'alice', 'session'],
    ['a contoso API token', 'contoso', 'alice', 'apiToken'],
    ['bob of the same org', 'fabrikam', 'bob', 'session'],
    ['bob with an API token', 'fabrikam', 'bob', 'apiToken'],
  ] as const)("answers 404 to %s for alice's worklog, which stays unchanged", async (_who, org, user, kind) => {
    const { alice, worklog } = await aliceWorklog();
    const session = await api.signIn(org, user);
    const other = client(api, kind === 'session' ? session : (await apiToken(session)).token);

    for (const [method, body] of [['GET', undefined], ['PATCH', { length: 60 }], ['DELETE', undefined]] as const) {
      const res = await other(method, `/rest/workLogs/${worklog.id}`, body);
      expect(res.status, `${method} by ${org}/${user}`).toBe(404);
      expect(res.body.error?.code).toBe('not_found');
      expect(JSON.stringify(res.body)).not.toContain('secret');
    }
    expect((await alice('GET', `/rest/workLogs/${worklog.id}`)).body.data).toEqual(worklog);
    expect((await other('GET', '/rest/workLogs')).body.data).toEqual([]);
  });

  it("does not show another org's worklogs to its admin", async () => {
    await aliceWorklog();
    const contosoAlice = client(api, await api.signIn('contoso', 'alice'));
    expect((await contosoAlice('GET', '/rest/workLogs/all')).body.data).toEqual([]);
  });

  it('keeps Idempotency-Keys apart between users', async () => {
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const carol = client(api, await api.signIn('fabrikam', 'carol'));
    const headers = { 'Idempotency-Key': 'same-key' };
    const bobs = await bob('POST', '/rest/workLogs', aWorklog(), headers);
    const carols = await carol('POST', '/rest/workLogs', aWorklog(), headers);
    expect(carols.status).toBe(201);
    expect(carols.body.data.id).not.toBe(bobs.body.data.id);
    expect(carols.body.data.user.uniqueName).toBe('carol@fabrikam.example');
  });
});
