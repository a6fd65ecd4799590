import { conflict, notFound } from '../domain/errors.js';
import { ROLE_TITLES, effectiveRole, permissionsOf } from '../domain/roles.js';
import type { RoleAssignmentInput } from '../contracts/roles.js';
import type { Caller } from '../identity/caller.js';
import { updateDocument } from '../orgs/conditional-update.js';
import { accessOf, listOrgUsers, orgUserId, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';

/** The directory's word on `doc`'s user; when not recorded yet, the caller's token speaks for the caller. */
function collectionAdminOf(doc: OrgUserDoc, caller: Caller) {
  return doc.collectionAdmin ?? (doc.userId === caller.user.id && caller.roles.includes('admin'));
}

function assignmentView(doc: OrgUserDoc, caller: Caller) {
  const collectionAdmin = collectionAdminOf(doc, caller);
  const role = effectiveRole(doc.role, collectionAdmin);
  return {
    user: doc.user,
    role,
    roleTitle: ROLE_TITLES[role],
    teams: doc.teams,
    isCollectionAdmin: collectionAdmin,
    isBillingAdmin: collectionAdmin,
    isDefaultRole: doc.role === null && !collectionAdmin,
  };
}

/** Everyone who signed in to the org, with their role (Administrators). */
export async function listRoles(ports: Pick<Ports, 'store'>, caller: Caller) {
  return (await listOrgUsers(ports.store, caller.orgId)).map((doc) => assignmentView(doc, caller));
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
