import { conflict, notFound } from '../domain/errors.js';
import { ROLE_TITLES, effectiveRole, permissionsOf } from '../domain/roles.js';
import type { RoleAssignmentInput } from '../contracts/roles.js';
import type { Caller } from '../identity/caller.js';
import { updateDocument } from '../orgs/conditional-update.js';
import { accessOf, listOrgUsers, orgUserId, type OrgUserDoc } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';

function assignmentView(doc: OrgUserDoc) {
  const role = effectiveRole(doc.role, doc.collectionAdmin);
  return {
    user: doc.user,
    role,
    roleTitle: ROLE_TITLES[role],
    teams: doc.teams,
    isCollectionAdmin: doc.collectionAdmin,
    isBillingAdmin: doc.collectionAdmin,
    isDefaultRole: doc.role === null && !doc.collectionAdmin,
  };
}

/** Everyone who signed in to the org, with their role (Administrators). */
export async function listRoles(ports: Pick<Ports, 'store'>, caller: Caller) {
  return (await listOrgUsers(ports.store, caller.orgId)).map(assignmentView);
}

/**
 * Sets a user's role and teams (Administrators). Project Collection Administrators are
 * always Administrators: their role cannot be lowered here, only in Azure DevOps.
 */
export async function assignRole(ports: Pick<Ports, 'store'>, caller: Caller, input: RoleAssignmentInput) {
  const saved = await updateDocument<OrgUserDoc>(ports.store, 'orgs', caller.orgId, orgUserId(input.userId), (current) => {
    if (current?.type !== 'orgUser') throw notFound(`user ${input.userId} (users appear here after their first sign-in)`);
    if (current.collectionAdmin && input.role !== 'administrator') {
      throw conflict('roles.collection_admin', `${current.user.name} is a Project Collection Administrator and so always an Administrator`);
    }
    return { ...current, role: input.role, teams: input.teams ? [...new Set(input.teams)] : current.teams };
  });
  if (!saved) throw notFound(`user ${input.userId}`);
  return { ...assignmentView(saved), permissions: permissionsOf(accessOf(saved, false)) };
}
