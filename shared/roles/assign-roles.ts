import type { SevenPaceRolesInput, SevenPaceUserWithRole } from '../contracts/roles.js';
import { AppError } from '../domain/errors.js';
import type { RoleName } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import { listOrgUsers, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { assignRole, collectionAdminOf } from './role-assignments.js';
import { roleOfReference } from './seven-pace-roles.js';

interface Failure { entity: SevenPaceUserWithRole; error: { message: string } }
type Plan = { userId: string; role: RoleName; teams?: string[] } | { problem: string };

/** What one entry asks, or why it cannot be done: the user by id, vstsId (Timehub's ids are Azure DevOps ids) or email. */
function planOf(entry: SevenPaceUserWithRole, users: readonly OrgUserDoc[], caller: Caller): Plan {
  const email = entry.email?.toLowerCase();
  const doc = users.find((u) => u.userId === (entry.id ?? entry.vstsId) || (email !== undefined && u.user.uniqueName.toLowerCase() === email));
  if (!doc) return { problem: `user ${entry.id ?? entry.vstsId ?? entry.email ?? ''} was not found (users appear after their first sign-in)` };
  const role = roleOfReference(entry.role);
  if (!role) return { problem: `role ${entry.role.name ?? entry.role.id ?? ''} is not one of Team, TeamLead, Product, Budget, Administrator or None` };
  if (collectionAdminOf(doc, caller) && role !== 'administrator') return { problem: `${doc.user.name} is a Project Collection Administrator and so always an Administrator` };
  return { userId: doc.userId, role, ...(entry.teams ? { teams: entry.teams } : {}) };
}

/**
 * 7pace's POST users/roles: sets several users' roles. With skipErrors the valid entries are
 * applied and the others listed; without it one invalid entry applies none (succeeded: 0).
 */
export async function assignSevenPaceRoles(ports: Pick<Ports, 'store'>, caller: Caller, input: SevenPaceRolesInput) {
  const users = await listOrgUsers(ports.store, caller.orgId);
  const plans = input.users.map((entity) => ({ entity, plan: planOf(entity, users, caller) }));
  const failedEntries: Failure[] = plans.flatMap(({ entity, plan }) => ('problem' in plan ? [{ entity, error: { message: plan.problem } }] : []));
  if (failedEntries.length > 0 && !input.skipErrors) return { succeeded: 0, failed: failedEntries.length, failedEntries };
  let succeeded = 0;
  for (const { entity, plan } of plans) {
    if ('problem' in plan) continue;
    try {
      await assignRole(ports, caller, plan);
      succeeded++;
    } catch (error) {
      // Changed since it was read (a concurrent sign-in or assignment): reported as that entry's failure.
      if (!(error instanceof AppError)) throw error;
      failedEntries.push({ entity, error: { message: error.message } });
    }
  }
  return { succeeded, failed: failedEntries.length, failedEntries };
}
