import { conflict, notFound } from '../domain/errors.js';
import { ROLE_TITLES, effectiveRole, permissionsOf } from '../domain/roles.js';
import type { RoleAssignmentInput, UserRolesQuery } from '../contracts/roles.js';
import type { Caller } from '../identity/caller.js';
import { updateDocument } from '../orgs/conditional-update.js';
import { accessOf, listOrgUsers, orgUserId, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { sevenPaceUser } from '../users/user-view.js';
import { sevenPaceRole } from './seven-pace-roles.js';

/** The directory's word on `doc`'s user; when not recorded yet, the caller's token speaks for the caller. */
export function collectionAdminOf(doc: OrgUserDoc, caller: Caller) {
  return doc.collectionAdmin ?? (doc.userId === caller.user.id && caller.roles.includes('admin'));
}

/** 7pace's userWithRole (the user's fields and `role: { id, name }`), plus Timehub's teams and flags. */
function assignmentView(doc: OrgUserDoc, caller: Caller) {
  const collectionAdmin = collectionAdminOf(doc, caller);
  const role = effectiveRole(doc.role, collectionAdmin);
  return {
    ...sevenPaceUser(doc.user),
    user: doc.user,
    role: sevenPaceRole(role),
    roleTitle: ROLE_TITLES[role],
    teams: doc.teams,
    isCollectionAdmin: collectionAdmin,
    isBillingAdmin: collectionAdmin,
    isDefaultRole: doc.role === null && !collectionAdmin,
  };
}

/** Everyone who signed in to the org, with their role (Administrators); those with None only with includeNoneRoles, as in 7pace. */
export async function listRoles(ports: Pick<Ports, 'store'>, caller: Caller, query: UserRolesQuery = {}) {
  const views = (await listOrgUsers(ports.store, caller.orgId)).map((doc) => assignmentView(doc, caller));
  const shown = query.includeNoneRoles ? views : views.filter((view) => view.role.id !== 'none');
  const skip = query.$skip ?? 0;
  return shown.slice(skip, skip + (query.$count ?? 500));
}

/**
 * Sets a user's role and teams (Administrators). Project Collection Administrators are
 * always Administrators: their role cannot be lowered here, only in Azure DevOps.
 */
export async function assignRole(ports: Pick<Ports, 'store'>, caller: Caller, input: RoleAssignmentInput) {
  const saved = await updateDocument<OrgUserDoc>(ports.store, 'orgs', caller.orgId, orgUserId(input.userId), (current) => {
    if (current?.type !== 'orgUser') throw notFound(`user ${input.userId} (users appear here after their first sign-in)`);
    if (collectionAdminOf(current, caller) && input.role !== 'administrator') {
      throw conflict('roles.collection_admin', `${current.user.name} is a Project Collection Administrator and so always an Administrator`);
    }
    return { ...current, role: input.role, teams: input.teams ? [...new Set(input.teams)] : current.teams };
  });
  if (!saved) throw notFound(`user ${input.userId}`);
  const view = assignmentView(saved, caller);
  return { ...view, permissions: permissionsOf(accessOf(saved, view.isCollectionAdmin)) };
}
