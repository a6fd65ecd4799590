import { AppError, forbidden } from '../domain/errors.js';
import { ROLE_TITLES, can, deniedMessage, type Permission } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import { uninstallView } from '../orgs/install-state.js';
import { installStateOf } from '../orgs/org-lifecycle.js';
import { accessOf, readOrgUser, type OrgUserDoc } from '../orgs/org-users.js';
import { loadOrganization, type OrganizationDoc } from '../orgs/organization.js';
import type { Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';

/** A caller with their access resolved, and the documents it was resolved from. */
export interface Member {
  caller: Caller & { access: NonNullable<Caller['access']> };
  org: Stored<OrganizationDoc>;
  orgUser: Stored<OrgUserDoc> | undefined;
}

/**
 * Resolves the caller's role per request from the store it is given: two point reads in
 * the org's partition, side by side. The HTTP layer hands it the access cache's reader
 * (shared/http/access-cache.ts), so a role change or an uninstall takes effect within
 * seconds on every instance, whatever token the caller holds.
 */
export async function resolveMember(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller): Promise<Member> {
  const [org, orgUser] = await Promise.all([
    loadOrganization(ports, caller.orgId, caller.orgName),
    readOrgUser(ports.store, caller.orgId, caller.user.id),
  ]);
  if (installStateOf(org) === 'uninstalled') {
    const { dataKeptUntil } = uninstallView(org);
    throw new AppError(403, 'org.uninstalled', `Timehub was uninstalled from ${org.name}; install it again to use it (the data is kept until ${dataKeptUntil})`);
  }
  const access = accessOf(orgUser, caller.roles.includes('admin'));
  if (access.role === 'none') {
    throw forbidden(`your Timehub role in ${org.name} is ${ROLE_TITLES.none} (no access); ask an Administrator for a role`);
  }
  return { caller: { ...caller, access }, org, orgUser };
}

/** 403 naming the role needed, unless the caller has `permission`. */
export function requirePermission(caller: Caller, permission: Permission, what?: string) {
  const access = caller.access;
  if (!access) throw new Error('requirePermission needs a caller resolved by resolveMember');
  if (!can(access, permission)) throw forbidden(deniedMessage(permission, access, what));
}
