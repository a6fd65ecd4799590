import type { RoleName } from '../../shared/domain/roles.js';
import { client, type TestApi } from './api-server.js';
import { virtualMembers } from './virtual-members.js';
import { HOUR, T0, aWorklog, at } from './worklog-builder.js';

export const ACTORS = ['none', 'member', 'teamLead', 'otherTeamLead', 'productManager', 'budgetManager', 'administrator', 'collectionAdmin'] as const;
export type Actor = (typeof ACTORS)[number];
type Call = ReturnType<typeof client>;

/** Roles given to virtual users; bob stays a Member, alice is a Project Collection Administrator. */
const ASSIGNED: [Actor, RoleName, string[]][] = [
  ['none', 'none', []],
  ['teamLead', 'teamLead', ['red']],
  ['otherTeamLead', 'teamLead', ['blue']],
  ['productManager', 'productManager', []],
  ['budgetManager', 'budgetManager', []],
  ['administrator', 'administrator', []],
];

export interface RoleWorld {
  actors: Record<Actor, Call>;
  /** Each actor's bearer token, for requests the JSON client does not fit (file downloads). */
  tokens: Record<Actor, string>;
  alice: Call;
  bob: Call;
  carol: Call;
  carolId: string;
  bobId: string;
  /** A new worklog of carol's (team red), added by alice: a target for reads and edits. */
  carolsWorklog(): Promise<string>;
  /** A time nobody used yet, so that writes never overlap. */
  freshTime(): string;
}

/** fabrikam with one user per role; carol is a Member of team red, whose lead is `teamLead`. */
export async function buildRoleWorld(api: TestApi): Promise<RoleWorld> {
  const tokens = { collectionAdmin: await api.signIn('fabrikam', 'alice'), member: await api.signIn('fabrikam', 'bob') } as Record<Actor, string>;
  const alice = client(api, tokens.collectionAdmin);
  const bob = client(api, tokens.member);
  const carol = client(api, await api.signIn('fabrikam', 'carol'));
  const idOf = async (c: Call) => (await c('GET', '/rest/me')).body.data.user.id as string;
  const [bobId, carolId] = [await idOf(bob), await idOf(carol)];
  await assign(alice, carolId, 'member', ['red']);

  const virtual = await virtualMembers(api, 'fabrikam', ASSIGNED.length, 'role');
  const actors = { member: bob, collectionAdmin: alice } as Record<Actor, Call>;
  for (const [i, [actor, role, teams]] of ASSIGNED.entries()) {
    const member = virtual[i]!;
    await assign(alice, member.user.id, role, teams);
    actors[actor] = member.call;
    tokens[actor] = member.token;
  }
  let minutes = 0;
  const freshTime = () => at(T0, -(++minutes) * HOUR);
  return {
    actors, tokens, alice, bob, carol, carolId, bobId, freshTime,
    async carolsWorklog() {
      const res = await alice('POST', `/rest/workLogs?userId=${carolId}`, aWorklog({ timestamp: freshTime(), length: 600 }));
      if (res.status !== 201) throw new Error(`could not add carol's worklog: ${JSON.stringify(res.body)}`);
      return res.body.data.id as string;
    },
  };
}

export async function assign(admin: Call, userId: string, role: RoleName, teams?: string[]) {
  const res = await admin('POST', '/rest/users/roles', { userId, role, ...(teams ? { teams } : {}) });
  if (res.status !== 200) throw new Error(`could not assign ${role}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}
