import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgLabelOf } from '../../shared/http/org-host.js';
import { startTestApi, type TestApi } from '../support/api-server.js';

const SUFFIX = '.timehub.example.com';

let api: TestApi;
let fabrikamToken: string;

beforeAll(async () => {
  api = await startTestApi({ env: { PUBLIC_HOST_SUFFIX: SUFFIX } });
  fabrikamToken = await api.signIn('fabrikam', 'bob');
});
afterAll(() => api.close());

/** fetch will not send a Host of our choosing: node:http does. */
function getMe(host: string) {
  const { port } = new URL(api.url);
  return new Promise<{ status: number; body: { error?: { code: string; message: string } } }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/rest/me', headers: { host, authorization: `Bearer ${fabrikamToken}` } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the organization in the host name', () => {
  it.each([
    'contoso.timehub.example.com',
    'contoso.timehub.example.com.',
    'CONTOSO.TimeHub.Example.com..',
    'contoso.timehub.example.com.:443',
    'x.fabrikam.timehub.example.com',
  ])('refuses a fabrikam token sent to %s', async (host) => {
    const res = await getMe(host);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('this token belongs to fabrikam');
  });

  it.each(['fabrikam.timehub.example.com', 'fabrikam.timehub.example.com.', 'Fabrikam.timehub.example.com:443'])('serves it at %s', async (host) => {
    expect((await getMe(host)).status).toBe(200);
  });

  it('reads the label the same way whatever the spelling', () => {
    expect(orgLabelOf('Contoso.timehub.example.com.:8443', SUFFIX)).toBe('contoso');
    expect(orgLabelOf('localhost:7071', SUFFIX)).toBeUndefined();
    expect(orgLabelOf(undefined, SUFFIX)).toBeUndefined();
  });
});
