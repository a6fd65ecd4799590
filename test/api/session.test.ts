import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('POST /api/session', () => {
  it('issues a session token bound to the org, user and roles', async () => {
    const token = await api.signIn('fabrikam', 'alice');
    const me = await client(api, token)('GET', '/rest/me');
    expect(me.status).toBe(200);
    expect(me.body.data.organization.name).toBe('fabrikam');
    expect(me.body.data.user.name).toBe('Alice Anders');
    expect(me.body.data.roles).toEqual(['admin']);
  });

  it('gives members no admin role', async () => {
    const me = await client(api, await api.signIn('contoso', 'bob'))('GET', '/rest/me');
    expect(me.body.data.roles).toEqual([]);
  });

  it('refuses an access token of another user than the app token', async () => {
    const res = await client(api)('POST', '/session', {
      organization: 'fabrikam', appToken: await api.appToken('fabrikam', 'alice'), accessToken: await api.accessToken('fabrikam', 'bob'),
    });
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toMatch(/different users/);
  });

  it('refuses an access token issued for another organization', async () => {
    const res = await client(api)('POST', '/session', {
      organization: 'contoso', appToken: await api.appToken('fabrikam', 'alice'), accessToken: await api.accessToken('fabrikam', 'alice'),
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['forged', { secret: 'somebody-elses-certificate-secret' }],
    ['wrong-audience', { audience: 'another-extension' }],
    ['expired', { expiresIn: '-1m' }],
  ])('refuses a %s app token with 401', async (_kind, options) => {
    const res = await client(api)('POST', '/session', {
      organization: 'fabrikam', appToken: await api.appToken('fabrikam', 'alice', options), accessToken: await api.accessToken('fabrikam', 'alice'),
    });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('auth.unauthorized');
  });

  it('says which field is missing', async () => {
    const res = await client(api)('POST', '/session', { organization: 'fabrikam' });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('body.appToken');
  });
});
