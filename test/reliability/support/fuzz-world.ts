import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, startTestApi, type OrgName, type TestApi, type UserName } from '../../support/api-server.js';
import { MutableClock } from '../../support/mutable-clock.js';
import { HOUR, T0, aWorklog, at } from '../../support/worklog-builder.js';
import type { ForeignIds } from './fuzz-cases.js';

export interface Identity {
  label: string;
  org: OrgName;
  role: 'admin' | 'member';
  token: string;
}

/** What each org holds before any attack: a worklog per user, an activity type, two API tokens. */
export interface OwnedIds {
  worklogs: Record<UserName, string>;
  activityType: string;
  /** Carol's (her identity below uses it) and Alice's. */
  apiTokens: { carol: string; alice: string };
}

export interface FuzzWorld {
  api: TestApi;
  /** Administrators and Members of both orgs, by session token and by API token. */
  identities: Identity[];
  sessions: Record<OrgName, Record<UserName, string>>;
  owned: Record<OrgName, OwnedIds>;
  foreignIds: ForeignIds;
  storeFile: string;
  /** Signs an Administrator in, which reinstalls an org that a request uninstalled. */
  reinstall(org: OrgName): Promise<void>;
  close(): Promise<void>;
}

export const ORGS: OrgName[] = ['fabrikam', 'contoso'];
const USERS: UserName[] = ['alice', 'bob', 'carol'];

/**
 * The local host on a SQLite file (so that a second connection can read every row), with
 * two orgs that have data: every user holds a seat and a worklog.
 */
export async function startFuzzWorld(env: Record<string, string> = {}): Promise<FuzzWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timehub-fuzz-'));
  const api = await startTestApi({ dataDir, clock: new MutableClock(T0), env });
  const identities: Identity[] = [];
  const sessions = {} as FuzzWorld['sessions'];
  const owned = {} as FuzzWorld['owned'];
  for (const org of ORGS) {
    const signedIn = {} as Record<UserName, string>;
    const worklogs = {} as Record<UserName, string>;
    for (const [i, user] of USERS.entries()) {
      signedIn[user] = await api.signIn(org, user);
      worklogs[user] = (await created(client(api, signedIn[user])('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -(i + 2) * HOUR) })))).id;
    }
    const alice = client(api, signedIn.alice);
    const activityType = (await created(alice('POST', '/rest/activityTypes', { name: `Fuzzing ${org}`, color: '#336699' }))).id;
    const carolToken = await created(client(api, signedIn.carol)('POST', '/rest/apiTokens', { name: 'fuzz' }));
    const aliceToken = await created(alice('POST', '/rest/apiTokens', { name: 'fuzz' }));
    sessions[org] = signedIn;
    owned[org] = { worklogs, activityType, apiTokens: { carol: carolToken.id, alice: aliceToken.id } };
    identities.push(
      { label: `${org} alice (admin, session)`, org, role: 'admin', token: signedIn.alice },
      { label: `${org} bob (member, session)`, org, role: 'member', token: signedIn.bob },
      { label: `${org} carol (member, API token)`, org, role: 'member', token: carolToken.token! },
    );
  }
  const idsOf = (org: OrgName) => [...Object.values(owned[org].worklogs), owned[org].activityType, ...Object.values(owned[org].apiTokens)];
  return {
    api,
    identities,
    sessions,
    owned,
    foreignIds: { fabrikam: idsOf('contoso'), contoso: idsOf('fabrikam') },
    storeFile: join(dataDir, 'timehub.sqlite'),
    reinstall: async (org) => void (await api.signIn(org, 'alice')),
    async close() {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function created(response: Promise<{ status: number; body: { data?: { id?: string; token?: string } } }>) {
  const res = await response;
  if (res.status !== 201 || !res.body.data?.id) throw new Error(`fuzz setup: expected 201 with an id, got ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.data.id, token: res.body.data.token };
}
