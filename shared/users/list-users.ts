import type { UsersQuery } from '../contracts/users.js';
import { notFound } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { readOrgUser, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { readableUserIds } from '../roles/time-access.js';
import { sevenPaceUser } from './user-view.js';

/**
 * The org's users who have signed in to Timehub, by name: 7pace's `$skip` and `$count` (at
 * most 500). With `readableTime`, only those whose time the caller may read (the person picker).
 */
export async function listUsers(ports: Pick<Ports, 'store'>, caller: Caller, query: UsersQuery) {
  const reach = query.readableTime ? await readableUserIds(ports, caller) : undefined;
  const docs = await ports.store.query<OrgUserDoc>('orgs', {
    partition: { pk: caller.orgId },
    where: [{ field: 'type', op: '=', value: 'orgUser' }, ...(reach ? [{ field: 'userId', op: 'in' as const, value: reach }] : [])],
    orderBy: [{ field: 'user.name', direction: 'asc' }, { field: 'id', direction: 'asc' }],
    offset: query.$skip ?? 0,
    limit: query.$count ?? 500,
  });
  return docs.map((doc) => sevenPaceUser(doc.user));
}

/** One user of the org by id; 404 for anyone who never signed in here. */
export async function getUser(ports: Pick<Ports, 'store'>, caller: Caller, id: string) {
  if (id === caller.user.id) return sevenPaceUser(caller.user);
  const doc = await readOrgUser(ports.store, caller.orgId, id);
  if (!doc) throw notFound(`user ${id}`);
  return sevenPaceUser(doc.user);
}
