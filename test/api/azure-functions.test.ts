import azure from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzureHttpHandler } from '../../shared/http/azure-host.js';
import { routes } from '../../shared/http/routes/index.js';
import { startTestApi, type TestApi } from '../support/api-server.js';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = await api.signIn('fabrikam', 'carol');
});
afterAll(() => api.close());

const invocation = () => new azure.InvocationContext({ functionName: 'test', invocationId: 'inv-1' });

function request(method: string, path: string, body?: unknown, auth = token) {
  return new azure.HttpRequest({
    method,
    url: `https://fabrikam.timehub.example.com/api${path}`,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: { string: JSON.stringify(body) } }),
  });
}

describe('the Azure Functions handler over the route table', () => {
  const handler = createAzureHttpHandler(async () => api.app, routes);

  it('tracks time like the local host does', async () => {
    const started = await handler(request('POST', '/tracking/client/startTracking', { workItemId: 4 }), invocation());
    expect(started.status).toBe(200);
    api.clock.advance(90_000);
    const stopped = await handler(request('POST', '/tracking/client/stopTracking'), invocation());
    expect(stopped.status).toBe(200);
    expect(stopped.jsonBody).toMatchObject({ data: { stoppedWorklog: { workItemId: 4, length: 90, flags: { isTracked: true } } } });
  });

  it('answers bad input with the same 400 and message', async () => {
    const res = await handler(request('POST', '/rest/workLogs', { timestamp: 'yesterday', length: 60 }), invocation());
    expect(res.status).toBe(400);
    expect(res.jsonBody).toMatchObject({ error: { code: 'request.invalid' } });
    expect(JSON.stringify(res.jsonBody)).toContain('body.timestamp');
  });

  it('answers the continuation header of a worklog page, and takes the token back', async () => {
    const batch = [0, 1, 2].map((i) => ({ timestamp: new Date(api.clock.now().getTime() - (10 - i) * 3_600_000).toISOString(), length: 60, workItemId: 1 }));
    expect((await handler(request('POST', '/rest/workLogs/batch', batch), invocation())).status).toBe(201);
    const first = await handler(request('GET', '/rest/workLogs?$count=1'), invocation());
    const continuation = (first.headers as Record<string, string>)['X-Continuation-Token'];
    expect(continuation).toBeTruthy();
    const next = await handler(request('GET', `/rest/workLogs?$count=1&$continuationToken=${continuation}`), invocation());
    expect(next.status).toBe(200);
    expect((next.jsonBody as { data: { id: string }[] }).data[0]?.id).not.toBe((first.jsonBody as { data: { id: string }[] }).data[0]?.id);
  });

  it("answers the OData feed's XML metadata as text, and its pages with a nextLink on the org's host", async () => {
    const metadata = await handler(request('GET', '/odata/v3.2/$metadata'), invocation());
    expect(metadata.status).toBe(200);
    expect((metadata.headers as Record<string, string>)['content-type']).toMatch(/^application\/xml/);
    expect(String(metadata.body)).toContain('<EntitySet Name="workLogsOnly"');
    const service = await handler(request('GET', '/odata/v3.2'), invocation());
    expect(service.jsonBody).toMatchObject({ '@odata.context': 'https://fabrikam.timehub.example.com/api/odata/v3.2/$metadata' });
  });

  it('answers 401 without a valid token', async () => {
    const res = await handler(request('GET', '/rest/me', undefined, 'nonsense'), invocation());
    expect(res.status).toBe(401);
  });

  it('turns the organization label of the host into a check', async () => {
    const strict = createAzureHttpHandler(async () => ({ ...api.app, publicHostSuffix: '.timehub.example.com' }), routes);
    const wrongHost = new azure.HttpRequest({
      method: 'GET', url: 'https://contoso.timehub.example.com/api/rest/me', headers: { authorization: `Bearer ${token}` },
    });
    expect((await strict(wrongHost, invocation())).status).toBe(403);
    expect((await strict(request('GET', '/rest/me'), invocation())).status).toBe(200);
  });
});
