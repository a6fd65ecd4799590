import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeDevOpsServer } from '../../shared/adapters/devops/fake-devops-server.js';
import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { RestDevOpsDirectory } from '../../shared/adapters/devops/rest-devops-directory.js';
import { UnknownFieldError } from '../../shared/adapters/devops/seed-work-items.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { orgIds } from '../../shared/odata/work-item-ids.js';
import { workItemCache } from '../../shared/work-items/work-item-cache.js';
import { MutableClock } from '../support/mutable-clock.js';

const accessTokenSecret = 'cache-test-secret';
const serviceToken = 'cache-test-service-token';
const org = { orgId: 'org-fabrikam', orgName: 'fabrikam' };
const MINUTE = 60_000;
const servers: Server[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** The cache over the REST adapter and the fake Azure DevOps, counting its work item requests. */
async function world(rateLimit?: { limit: number; windowSeconds: number }) {
  const clock = new MutableClock('2026-11-30T10:00:00Z');
  const local = new LocalDevOpsDirectory({ accessTokenSecret });
  const requests: string[] = [];
  const server = createFakeDevOpsServer({
    accessTokenSecret, serviceToken, directory: local, onWorkItemRequest: (resource) => requests.push(resource),
    ...(rateLimit && { rateLimit: { ...rateLimit, now: () => clock.now() } }),
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const directory = new RestDevOpsDirectory({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, serviceToken: async () => serviceToken });
  const ports = { store: new SqliteDocumentStore(':memory:', clock), directory, clock };
  return { clock, local, requests, ports, cache: () => workItemCache(ports) };
}

describe('the work item cache', () => {
  it('reads Azure DevOps once, then answers from the cache while fresh', async () => {
    const w = await world();
    expect((await w.cache().items(org, [10, 999])).get(10)?.title).toBe('Design the appointment slot API');
    w.clock.advance(4 * MINUTE);
    await w.cache().items(org, [10]);
    await w.cache().idle();
    expect(w.requests).toEqual(['wit/workitemsbatch']);
  });

  it('answers a stale item at once and refreshes it in the background, once for many readers', async () => {
    const w = await world();
    await w.cache().items(org, [10]);
    w.local.updateWorkItem('fabrikam', 10, { title: 'Design the slot API v2' });
    w.clock.advance(6 * MINUTE);
    const reads = await Promise.all([1, 2, 3].map(() => w.cache().items(org, [10])));
    expect(reads.map((read) => read.get(10)?.title)).toEqual(Array(3).fill('Design the appointment slot API'));
    await w.cache().idle();
    expect(w.requests).toHaveLength(2);
    expect((await w.cache().items(org, [10])).get(10)?.title).toBe('Design the slot API v2');
  });

  it('refreshes nothing while Azure DevOps answers 429, until Retry-After has passed', async () => {
    const w = await world({ limit: 1, windowSeconds: 300 });
    await w.cache().items(org, [10]);
    w.local.updateWorkItem('fabrikam', 10, { state: 'Closed' });
    w.clock.advance(6 * MINUTE - 1);
    await w.cache().items(org, [11]); // uses the window's one request
    w.clock.advance(2);
    expect((await w.cache().items(org, [10])).get(10)?.state).toBe('Active');
    await w.cache().idle();
    expect(w.requests).toHaveLength(3); // the third was refused with Retry-After: 300 s
    w.clock.advance(200_000);
    await w.cache().items(org, [10]);
    await w.cache().idle();
    expect(w.requests).toHaveLength(3);
    w.clock.advance(100_000);
    await w.cache().items(org, [10]);
    await w.cache().idle();
    expect((await w.cache().items(org, [10])).get(10)?.state).toBe('Closed');
  });

  it('reads a subtree through WIQL, and follows an item moved to another parent at the next refresh', async () => {
    const w = await world();
    const ids = async (rootId: number) => (await w.cache().subtree(org, rootId)).map((item) => item.id).sort((a, b) => a - b);
    expect(await ids(21)).toEqual([21, 22, 23, 24, 25]);
    w.local.updateWorkItem('fabrikam', 23, { parentId: 3 });
    expect(await ids(21)).toEqual([21, 22, 23, 24, 25]);
    w.clock.advance(6 * MINUTE);
    await ids(21);
    await w.cache().idle();
    expect(await ids(21)).toEqual([21, 22]);
    expect(await ids(3)).toEqual([3, 9, 13, 23, 24, 25]);
  });

  it('walks the ancestors of an item, nearest first', async () => {
    const w = await world();
    const [task] = (await w.cache().items(org, [24])).values();
    expect((await w.cache().ancestors(org, task!)).map((item) => item.id)).toEqual([23, 22, 21]);
  });
});

describe('further fields in the work item cache', () => {
  it('reads fields on demand once, keeps them with the item and refreshes them with it', async () => {
    const w = await world();
    await w.cache().items(org, [5]);
    const first = await w.cache().items(org, [5], ['Custom.CostCenter']);
    expect(first.get(5)?.fields).toEqual({ 'Custom.CostCenter': 'CC-4100' });
    await w.cache().items(org, [5], ['Custom.CostCenter']);
    expect(w.requests).toEqual(['wit/workitemsbatch', 'wit/workitemsbatch']);
    w.local.updateWorkItem('fabrikam', 5, { fields: { 'Custom.CostCenter': 'CC-9000' } });
    w.clock.advance(6 * MINUTE);
    await w.cache().items(org, [5]); // stale: refreshed in the background, the fields it holds included
    await w.cache().idle();
    expect((await w.cache().items(org, [5], ['Custom.CostCenter'])).get(5)?.fields).toEqual({ 'Custom.CostCenter': 'CC-9000' });
    expect(w.requests).toHaveLength(3);
  });

  it('drops a field deleted from the org since, instead of failing every read of the item', async () => {
    class AfterDeletion extends LocalDevOpsDirectory {
      deleted = false;
      override async workItemDetails(orgName: string, ids: readonly number[], fields?: readonly string[]) {
        if (this.deleted && fields?.includes('Custom.CostCenter')) throw new UnknownFieldError('Custom.CostCenter');
        return super.workItemDetails(orgName, ids, fields);
      }
    }
    const clock = new MutableClock('2026-11-30T10:00:00Z');
    const directory = new AfterDeletion({ accessTokenSecret });
    const cache = workItemCache({ store: new SqliteDocumentStore(':memory:', clock), directory, clock });
    await cache.items(org, [5], ['Custom.CostCenter']);
    directory.deleted = true;
    const read = await cache.items(org, [5], ['Microsoft.VSTS.Scheduling.StoryPoints']);
    expect(read.get(5)?.fields).toEqual({ 'Microsoft.VSTS.Scheduling.StoryPoints': 1 });
  });

  it("lists the org's ids from the cache while Azure DevOps throttles, and does not ask it again until Retry-After", async () => {
    const w = await world({ limit: 1, windowSeconds: 300 });
    await w.cache().items(org, [3, 1, 2]);
    const ids = orgIds(w.ports, org);
    expect(await ids(0, 10)).toEqual({ ids: [1, 2, 3], done: true });
    expect(await ids(1, 10)).toEqual({ ids: [2, 3], done: true });
    expect(w.requests).toEqual(['wit/workitemsbatch', 'wit/wiql']);
    w.clock.advance(300_000);
    expect((await ids(20, 10)).ids).toEqual([21, 22, 23, 24, 25]);
  });
});
