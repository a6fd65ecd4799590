import { notFound } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { readOrgUser } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { recountUserRollups } from '../rollups/recount-user-rollups.js';

/** An Administrator has one user's rollups rewritten from their worklogs (the route checks the role). */
export async function recountRollups(ports: Pick<Ports, 'store'>, caller: Caller, userId: string) {
  if (!(await readOrgUser(ports.store, caller.orgId, userId))) throw notFound(`user ${userId} of this organization`);
  const worklogs = await recountUserRollups(ports.store, caller.orgId, userId);
  return { userId, worklogsCounted: worklogs };
}
