import { uninstallBody } from '../../contracts/orgs.js';
import { userRolesBody, userRolesQuery } from '../../contracts/roles.js';
import { aboutView } from '../../orgs/about.js';
import { uninstallOrganization } from '../../orgs/install-state.js';
import { assignSevenPaceRoles } from '../../roles/assign-roles.js';
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
    summary: "Everyone who signed in, as 7pace's userWithRole (role: { id, name }) with their teams (Administrators); None only with includeNoneRoles=true",
    permission: 'roles:manage', query: userRolesQuery,
    handle: ({ app, caller, query }) => listRoles(app.ports, caller, query),
  }),
  defineRoute({
    name: 'setUserRole', method: 'POST', path: '/rest/users/roles', access: 'admin', tag: 'Organization',
    summary: "Set roles (Administrators): Timehub's { userId, role, teams } answers the assignment; 7pace's { skipErrors, users: [{ id | vstsId | email, role: { id | name } }] } answers { succeeded, failed, failedEntries }. Project Collection Administrators stay Administrators",
    permission: 'roles:manage', body: userRolesBody,
    handle: ({ app, caller, body }) => ('users' in body ? assignSevenPaceRoles(app.ports, caller, body) : assignRole(app.ports, caller, body)),
  }),
];
