import { uninstallBody } from '../../contracts/orgs.js';
import { roleAssignmentBody } from '../../contracts/roles.js';
import { aboutView } from '../../orgs/about.js';
import { uninstallOrganization } from '../../orgs/install-state.js';
import { assignRole, listRoles } from '../../roles/role-assignments.js';
import { defineRoute } from '../route.js';

/** The organization's lifecycle and its users' roles. */
export const orgRoutes = [
  defineRoute({
    name: 'about', method: 'GET', path: '/about', access: 'public', tag: 'Service',
    summary: 'The product version, the build and the API versions served',
    handle: async ({ app }) => aboutView(app.about),
  }),
  defineRoute({
    name: 'uninstallOrganization', method: 'POST', path: '/orgs/uninstall', access: 'admin', tag: 'Organization',
    summary: "Mark the organization uninstalled (confirm: the organization's name): its data is kept for 365 days; a sign-in within them reinstalls it",
    body: uninstallBody,
    handle: ({ app, caller, body }) => uninstallOrganization(app.ports, caller, body),
  }),
  defineRoute({
    name: 'listUserRoles', method: 'GET', path: '/rest/users/roles', access: 'admin', tag: 'Organization',
    summary: 'Everyone who signed in, with their role and teams (Administrators)', permission: 'roles:manage',
    handle: ({ app, caller }) => listRoles(app.ports, caller),
  }),
  defineRoute({
    name: 'setUserRole', method: 'POST', path: '/rest/users/roles', access: 'admin', tag: 'Organization',
    summary: "Set a user's role and teams (Administrators); Project Collection Administrators stay Administrators",
    permission: 'roles:manage', body: roleAssignmentBody,
    handle: ({ app, caller, body }) => assignRole(app.ports, caller, body),
  }),
];
