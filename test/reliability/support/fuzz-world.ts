import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, startTestApi, type OrgName, type TestApi } from '../../support/api-server.js';
import { MutableClock } from '../../support/mutable-clock.js';
import { HOUR, T0, aWorklog, at } from '../../support/worklog-builder.js';
import type { ForeignIds } from './fuzz-cases.js';

export interface Identity {
  label: string;
  org: OrgName;
  role: 'admin' | 'member';
  token: string;
}

export interface FuzzWorld {
  api: TestApi;
  /** Administrators and Members of both orgs, by session token and by API token. */
  identities: Identity[];
  foreignIds: ForeignIds;
  storeFile: string;
  /** Signs an Administrator in, which reinstalls an org that a request uninstalled. */
  reinstall(org: OrgName): Promise<void>;
  close(): Promise<void>;
}

const ORGS: OrgName[] = ['fabrikam', 'contoso'];

/**
 * The local host on a SQLite file, with two orgs that have data: every user holds a seat
 * and a worklog, and each org has an API token and an activity type of its own.
 */
export async function startFuzzWorld(): Promise<FuzzWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timehub-fuzz-'));
  const api = await startTestApi({ dataDir, clock: new MutableClock(T0) });
  const identities: Identity[] = [];
  const owned: Record<OrgName, string[]> = { fabrikam: [], contoso: [] };
  for (const org of ORGS) {
    const sessions = { alice: await api.signIn(org, 'alice'), bob: await api.signIn(org, 'bob'), carol: await api.signIn(org, 'carol') };
    for (const [i, token] of Object.values(sessions).entries()) {
      owned[org].push(await created(client(api, token)('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -(i + 2) * HOUR) }))));
    }
    const alice = client(api, sessions.alice);
    owned[org].push(await created(alice('POST', '/rest/activityTypes', { name: `Fuzzing ${org}`, color: '#336699' })));
    const carolToken = await client(api, sessions.carol)('POST', '/rest/apiTokens', { name: 'fuzz' });
    owned[org].push(await created(Promise.resolve(carolToken)), await created(alice('POST', '/rest/apiTokens', { name: 'fuzz' })));
    identities.push(
      { label: `${org} alice (admin, session)`, org, role: 'admin', token: sessions.alice },
      { label: `${org} bob (member, session)`, org, role: 'member', token: sessions.bob },
      { label: `${org} carol (member, API token)`, org, role: 'member', token: (carolToken.body.data as { token: string }).token },
    );
  }
  return {
    api,
    identities,
    foreignIds: { fabrikam: owned.contoso, contoso: owned.fabrikam },
    storeFile: join(dataDir, 'timehub.sqlite'),
    reinstall: async (org) => void (await api.signIn(org, 'alice')),
    async close() {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function created(response: Promise<{ status: number; body: { data?: { id?: string } } }>): Promise<string> {
  const res = await response;
  if (res.status !== 201 || !res.body.data?.id) throw new Error(`fuzz setup: expected 201 with an id, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id;
}
