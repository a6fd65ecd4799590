import { idParam } from '../../contracts/common.js';
import { newApiTokenBody, sessionBody } from '../../contracts/identity.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../identity/api-tokens.js';
import { createSession } from '../../identity/create-session.js';
import { permissionsOf } from '../../domain/roles.js';
import { activityTypesOf } from '../../orgs/organization.js';
import { defineRoute } from '../route.js';

export const identityRoutes = [
  defineRoute({
    name: 'createSession', method: 'POST', path: '/session', access: 'public', tag: 'Identity', successStatus: 201,
    summary: 'Exchange the extension app token and the Azure DevOps access token for a session token',
    body: sessionBody,
    handle: ({ app, body }) => createSession(app.ports, app.auth, body),
  }),
  defineRoute({
    name: 'me', method: 'GET', path: '/rest/me', access: 'member', tag: 'Identity',
    summary: 'Who the caller is, in which organization, with which roles',
    handle: async ({ caller }) => ({
      user: caller.user, organization: { id: caller.orgId, name: caller.orgName }, roles: caller.roles,
      // The Timehub role, resolved on this request; `roles` is what the directory said at sign-in.
      ...(caller.access && { role: caller.access.role, teams: caller.access.teams, isBillingAdmin: caller.access.billingAdmin, permissions: permissionsOf(caller.access) }),
    }),
  }),
  defineRoute({
    name: 'createApiToken', method: 'POST', path: '/rest/apiTokens', access: 'member', tag: 'Identity', successStatus: 201,
    summary: 'Create a personal API token; its secret is shown in this answer only',
    body: newApiTokenBody,
    handle: ({ app, caller, body }) => createApiToken(app.ports, caller, body),
  }),
  defineRoute({
    name: 'listApiTokens', method: 'GET', path: '/rest/apiTokens', access: 'member', tag: 'Identity',
    summary: "The caller's API tokens, without secrets",
    handle: ({ app, caller }) => listApiTokens(app.ports, caller),
  }),
  defineRoute({
    name: 'revokeApiToken', method: 'DELETE', path: '/rest/apiTokens/{id}', access: 'member', tag: 'Identity',
    summary: 'Revoke one of the caller\'s API tokens', params: idParam,
    handle: ({ app, caller, params }) => revokeApiToken(app.ports, caller, params.id),
  }),
  defineRoute({
    name: 'activityTypes', method: 'GET', path: '/rest/activityTypes', access: 'member', tag: 'Organization',
    summary: "The organization's activity types",
    handle: ({ app, caller }) => activityTypesOf(app.ports, caller.orgId, caller.orgName),
  }),
];
