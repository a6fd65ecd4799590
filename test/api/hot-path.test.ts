import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CountingStore } from '../../bench/counting-store.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import type { UserRef } from '../../shared/domain/worklog.js';
import { ACCESS_STALENESS_MS } from '../../shared/http/access-cache.js';
import { uninstallOrganization } from '../../shared/orgs/install-state.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { assign } from '../support/role-world.js';
import { T0 } from '../support/worklog-builder.js';

const fabrikam = findSeedOrganization('fabrikam')!;
const open: TestApi[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const api of open.splice(0)) await api.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Two function instances over one store (one SQLite file), each with its own caches, on one test clock. */
async function twoInstances() {
  const dataDir = mkdtempSync(join(tmpdir(), 'timehub-instances-'));
  dirs.push(dataDir);
  const clock = new MutableClock(T0);
  const a = await startTestApi({ dataDir, clock });
  const b = await startTestApi({ dataDir, clock });
  open.push(a, b);
  return { a, b, clock };
}

describe('GET /api/tracking/client/current, the poll of every open tab', () => {
  it('reads only the user state once warm, with an API token as with a session', async () => {
    const clock = new MutableClock(T0);
    const store = new CountingStore(new SqliteDocumentStore(':memory:', clock));
    const api = await startTestApi({ store, clock });
    open.push(api);
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const script = client(api, (await bob('POST', '/rest/apiTokens', { name: 'poller' })).body.data.token as string);
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 7 })).status).toBe(200);

    // Cold: whatever the instance read is past the staleness bound.
    clock.advance(ACCESS_STALENESS_MS);
    store.take();
    const cold = await script('GET', '/tracking/client/current');
    expect(cold.status).toBe(200);
    expect(cold.body.data.tracker).toMatchObject({ workItemId: 7 });
    expect(store.take().reads).toBe(4); // the API token, the organization, the orgUser and the user state

    for (const poller of [script, bob]) {
      await poller('GET', '/tracking/client/current');
      store.take();
      const warm = await poller('GET', '/tracking/client/current');
      expect(warm.body.data.tracker).toMatchObject({ workItemId: 7 });
      expect(store.take()).toMatchObject({ reads: 1, queries: 0, writes: 0 });
    }
  });
});

describe('access changes on one instance reach the others within the staleness bound', () => {
  it('a role change refuses at once on the instance that made it, and on another within the bound', async () => {
    const { a, b, clock } = await twoInstances();
    const alice = client(a, await a.signIn('fabrikam', 'alice'));
    const bobToken = await a.signIn('fabrikam', 'bob');
    const bobId = (await client(a, bobToken)('GET', '/rest/me')).body.data.user.id as string;
    const [bobOnA, bobOnB] = [client(a, bobToken), client(b, bobToken)];
    expect((await bobOnB('GET', '/tracking/client/current')).status).toBe(200);

    await assign(alice, bobId, 'none');
    expect((await bobOnA('GET', '/tracking/client/current')).status).toBe(403);
    // B may still answer from what it read, but never for longer than the bound.
    clock.advance(ACCESS_STALENESS_MS);
    expect((await bobOnB('GET', '/tracking/client/current')).status).toBe(403);
  });

  it('a promotion reaches the other instance within the bound too', async () => {
    const { a, b, clock } = await twoInstances();
    const alice = client(a, await a.signIn('fabrikam', 'alice'));
    const bobToken = await a.signIn('fabrikam', 'bob');
    const bobId = (await client(a, bobToken)('GET', '/rest/me')).body.data.user.id as string;
    expect((await client(b, bobToken)('GET', '/rest/users/roles')).status).toBe(403);
    await assign(alice, bobId, 'administrator');
    clock.advance(ACCESS_STALENESS_MS);
    expect((await client(b, bobToken)('GET', '/rest/users/roles')).status).toBe(200);
  });

  it('an uninstall refuses at once on the instance that ran it, and on another within the bound', async () => {
    const { a, b, clock } = await twoInstances();
    const alice = await a.signIn('fabrikam', 'alice');
    const bob = await a.signIn('fabrikam', 'bob');
    const aliceCaller = (await client(a, alice)('GET', '/rest/me')).body.data as { user: UserRef };
    expect((await client(b, bob)('GET', '/tracking/client/current')).status).toBe(200);

    await uninstallOrganization(a.app.ports, { orgId: fabrikam.id, orgName: fabrikam.name, user: aliceCaller.user, roles: ['admin'] }, { confirm: fabrikam.name });
    expect((await client(a, bob)('GET', '/tracking/client/current')).body.error?.code).toBe('org.uninstalled');
    clock.advance(ACCESS_STALENESS_MS);
    expect((await client(b, bob)('GET', '/tracking/client/current')).body.error?.code).toBe('org.uninstalled');
  });

  it('a revoked API token is refused at once on the instance that revoked it, and on another within the bound', async () => {
    const { a, b, clock } = await twoInstances();
    const bob = client(a, await a.signIn('fabrikam', 'bob'));
    const created = (await bob('POST', '/rest/apiTokens', { name: 'script' })).body.data as { id: string; token: string };
    for (const instance of [a, b]) expect((await client(instance, created.token)('GET', '/tracking/client/current')).status).toBe(200);

    expect((await bob('DELETE', `/rest/apiTokens/${created.id}`)).status).toBe(200);
    expect((await client(a, created.token)('GET', '/tracking/client/current')).status).toBe(401);
    clock.advance(ACCESS_STALENESS_MS);
    expect((await client(b, created.token)('GET', '/tracking/client/current')).status).toBe(401);
  });

  it('an expired API token is refused on every instance the moment it expires', async () => {
    const { a, b, clock } = await twoInstances();
    const bob = client(a, await a.signIn('fabrikam', 'bob'));
    const token = (await bob('POST', '/rest/apiTokens', { name: 'script', expiresInDays: 1 })).body.data.token as string;
    expect((await client(b, token)('GET', '/tracking/client/current')).status).toBe(200);
    clock.advance(24 * 3600_000);
    expect((await client(b, token)('GET', '/tracking/client/current')).status).toBe(401);
  });
});
