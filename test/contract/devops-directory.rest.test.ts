import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeDevOpsServer } from '../../shared/adapters/devops/fake-devops-server.js';
import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { DevOpsRequestError, RestDevOpsDirectory } from '../../shared/adapters/devops/rest-devops-directory.js';
import { tenantServiceToken } from '../../shared/adapters/devops/tenant-service-token.js';
import { DevOpsThrottledError } from '../../shared/ports/devops-directory.js';
import { MutableClock } from '../support/mutable-clock.js';
import { describeDevOpsDirectoryContract } from './devops-directory.contract.js';
import { describeWorkItemUpdatesContract } from './devops-work-item-updates.contract.js';

const accessTokenSecret = 'contract-test-access-token-secret';
const serviceToken = 'contract-test-service-token';

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

describeDevOpsDirectoryContract('RestDevOpsDirectory against the fake Azure DevOps server', async () => {
  const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken });
  const baseUrl = await listen(server);
  return {
    directory: new RestDevOpsDirectory({ baseUrl, serviceToken: async () => serviceToken }),
    accessTokenSecret,
    close: () => close(server),
  };
});

describeWorkItemUpdatesContract('RestDevOpsDirectory against the fake Azure DevOps server', async () => {
  const azureDevOps = new LocalDevOpsDirectory({ accessTokenSecret });
  const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken, directory: azureDevOps });
  const baseUrl = await listen(server);
  return { directory: new RestDevOpsDirectory({ baseUrl, serviceToken: async () => serviceToken }), azureDevOps, close: () => close(server) };
});

describe('RestDevOpsDirectory failures', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  async function stub(handler: RequestListener, timeoutMs?: number): Promise<RestDevOpsDirectory> {
    const server = createServer(handler);
    servers.push(server);
    return new RestDevOpsDirectory({ baseUrl: await listen(server), serviceToken: async () => 'refused', timeoutMs });
  }

  const json = (status: number, body: unknown): RequestListener => (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  it('throws when Azure DevOps refuses the service identity for work items', async () => {
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken });
    servers.push(server);
    const directory = new RestDevOpsDirectory({ baseUrl: await listen(server), serviceToken: async () => 'wrong' });
    await expect(directory.workItems('fabrikam', [1])).rejects.toBeInstanceOf(DevOpsRequestError);
  });

  it('throws on a server error instead of reporting the token as refused', async () => {
    const directory = await stub(json(500, { message: 'boom' }));
    await expect(directory.connectionData('fabrikam', 'token')).rejects.toMatchObject({ status: 500 });
  });

  it('throws on a response of the wrong shape', async () => {
    const directory = await stub(json(200, { instanceId: 'not-a-guid' }));
    await expect(directory.connectionData('fabrikam', 'token')).rejects.toBeInstanceOf(DevOpsRequestError);
  });

  it('throws when Azure DevOps does not answer in time', async () => {
    const directory = await stub(() => undefined, 50);
    await expect(directory.connectionData('fabrikam', 'token')).rejects.toBeInstanceOf(DevOpsRequestError);
  });

  it('treats the sign-in redirect as a refused token', async () => {
    const directory = await stub((_req, res) => res.writeHead(302, { location: 'https://login.example/' }).end());
    expect(await directory.connectionData('fabrikam', 'token')).toBeUndefined();
    expect(await directory.isCollectionAdmin('fabrikam', 'token')).toBe(false);
  });

  it("treats a public org's anonymous identity as a refused token", async () => {
    const anonymous = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
    const directory = await stub(
      json(200, {
        instanceId: '82aa2fdd-f972-4fff-b708-b781eee236bc',
        authenticatedUser: { id: anonymous, descriptor: `System:PublicAccess;${anonymous}`, providerDisplayName: 'Anonymous' },
      }),
    );
    expect(await directory.connectionData('fabrikam', 'token')).toBeUndefined();
  });

  it('answers a 429 with Retry-After as throttled, for as long as Azure DevOps says', async () => {
    const clock = new MutableClock(new Date('2026-11-30T10:00:00Z'));
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken, rateLimit: { limit: 2, windowSeconds: 300, now: () => clock.now() } });
    servers.push(server);
    const directory = new RestDevOpsDirectory({ baseUrl: await listen(server), serviceToken: async () => serviceToken });
    await directory.workItemDetails('fabrikam', [1]);
    clock.advance(60_000);
    await directory.descendantLinks('fabrikam', 1);
    const refused = directory.workItemDetails('fabrikam', [2]);
    await expect(refused).rejects.toBeInstanceOf(DevOpsThrottledError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 240 });
    clock.advance(240_000);
    expect(await directory.workItemDetails('fabrikam', [2])).toHaveLength(1);
  });

  it('sends the update as PATCH _apis/wit/workitems/{id} with a JSON Patch testing /rev, as the service identity of the org', async () => {
    const seen: { method?: string; url?: string; type?: string; auth?: string; body: unknown }[] = [];
    const tokens: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 10, rev: 8, fields: {} }));
      });
    });
    servers.push(server);
    const directory = new RestDevOpsDirectory({ baseUrl: await listen(server), serviceToken: async (org) => (tokens.push(org), `token-for-${org}`) });
    expect(await directory.updateWorkItemFields('fabrikam', 10, 7, { completedWork: 3.5, remainingWork: 0 })).toEqual({ outcome: 'updated', rev: 8 });
    expect(tokens).toEqual(['fabrikam']);
    expect(seen).toEqual([{
      method: 'PATCH', url: '/fabrikam/_apis/wit/workitems/10?api-version=7.1', type: 'application/json-patch+json', auth: 'Bearer token-for-fabrikam',
      body: [
        { op: 'test', path: '/rev', value: 7 },
        { op: 'add', path: '/fields/Microsoft.VSTS.Scheduling.CompletedWork', value: 3.5 },
        { op: 'add', path: '/fields/Microsoft.VSTS.Scheduling.RemainingWork', value: 0 },
      ],
    }]);
  });

  it('reads a 409 as a stale revision too, and throws on a 400 instead of writing blindly', async () => {
    let status = 409;
    const directory = await stub((_req, res) => void res.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"conflict"}'));
    expect(await directory.updateWorkItemFields('fabrikam', 10, 1, { completedWork: 1 })).toEqual({ outcome: 'stale' });
    status = 400;
    await expect(directory.updateWorkItemFields('fabrikam', 10, 1, { completedWork: 1 })).rejects.toMatchObject({ status: 400 });
  });

  it('the fake answers a stale revision with 412 and Azure DevOps\' message, and refuses a patch sent as plain JSON', async () => {
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken });
    servers.push(server);
    const url = `${await listen(server)}/fabrikam/_apis/wit/workitems/10?api-version=7.1`;
    const patch = (type: string) => fetch(url, {
      method: 'PATCH', headers: { authorization: `Bearer ${serviceToken}`, 'content-type': type },
      body: JSON.stringify([{ op: 'test', path: '/rev', value: 5 }, { op: 'add', path: '/fields/Microsoft.VSTS.Scheduling.CompletedWork', value: 1 }]),
    });
    const stale = await patch('application/json-patch+json');
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ typeKey: 'WorkItemRevisionMismatchException', message: expect.stringContaining('TF26071') });
    expect((await patch('application/json')).status).toBe(415);
  });

  it("writes as the multitenant app in each org's own Entra tenant, found once per org from X-VSS-ResourceTenant", async () => {
    const tenantIds = { fabrikam: '11111111-1111-4111-8111-111111111111', contoso: '22222222-2222-4222-8222-222222222222' };
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken, tenantIds });
    servers.push(server);
    const baseUrl = await listen(server);
    const credentials: string[] = [];
    const scopes: string[] = [];
    const token = tenantServiceToken({
      baseUrl,
      credentialFor: (tenantId) => {
        credentials.push(tenantId);
        return { getToken: async (scope) => (scopes.push(String(scope)), { token: serviceToken, expiresOnTimestamp: Date.now() + 3_600_000 }) };
      },
    });
    const directory = new RestDevOpsDirectory({ baseUrl, serviceToken: token });
    expect(await directory.updateWorkItemFields('fabrikam', 10, 1, { completedWork: 3 })).toEqual({ outcome: 'updated', rev: 2 });
    expect(await directory.workItemFields('Fabrikam', 10)).toMatchObject({ rev: 2, completedWork: 3 });
    await directory.workItemFields('contoso', 10);
    expect(credentials).toEqual([tenantIds.fabrikam, tenantIds.contoso]);
    expect(new Set(scopes)).toEqual(new Set(['499b84ac-1321-427f-aa17-267ca6975798/.default']));
  });

  it('refuses to guess a tenant for an org not connected to Entra ID', async () => {
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken, tenantIds: { fabrikam: '00000000-0000-0000-0000-000000000000' } });
    servers.push(server);
    const baseUrl = await listen(server);
    const token = tenantServiceToken({ baseUrl, credentialFor: () => ({ getToken: async () => ({ token: serviceToken, expiresOnTimestamp: 0 }) }) });
    await expect(token('fabrikam')).rejects.toThrow(/names no Entra tenant/);
  });

  it('reads a work item moved to another parent from the next request on', async () => {
    const local = new LocalDevOpsDirectory({ accessTokenSecret });
    const server = createFakeDevOpsServer({ accessTokenSecret, serviceToken, directory: local });
    servers.push(server);
    const directory = new RestDevOpsDirectory({ baseUrl: await listen(server), serviceToken: async () => serviceToken });
    local.updateWorkItem('fabrikam', 23, { parentId: 3 });
    expect((await directory.workItemDetails('fabrikam', [23]))[0]?.parentId).toBe(3);
    expect((await directory.descendantLinks('fabrikam', 3)).map((link) => link.childId)).toEqual(expect.arrayContaining([9, 23, 24, 25]));
    expect(await directory.descendantLinks('fabrikam', 22)).toEqual([]);
  });
});
