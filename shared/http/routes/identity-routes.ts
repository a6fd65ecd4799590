import { expandQuery, idParam } from '../../contracts/common.js';
import { usersQuery } from '../../contracts/users.js';
import { notFound } from '../../domain/errors.js';
import { newApiTokenBody, sessionBody } from '../../contracts/identity.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../identity/api-tokens.js';
import { createSession } from '../../identity/create-session.js';
import { activityTypesOf } from '../../orgs/organization.js';
import { activityTypeList, findActivityType } from '../../settings/activity-type-view.js';
import { describeMe } from '../../users/describe-me.js';
import { getUser, listUsers } from '../../users/list-users.js';
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
    summary: "Who the caller is (7pace's user, account, defaultActivityType, timeZone in minutes), in which organization, with which roles",
    query: expandQuery,
    handle: ({ app, caller }) => describeMe(app.ports, caller),
  }),
  defineRoute({
    name: 'listUsers', method: 'GET', path: '/rest/users', access: 'member', tag: 'Identity',
    summary: "The organization's users who signed in to Timehub, by name ($count at most 500, $skip)",
    query: usersQuery,
    handle: ({ app, caller, query }) => listUsers(app.ports, caller, query),
  }),
  defineRoute({
    name: 'getUser', method: 'GET', path: '/rest/users/{id}', access: 'member', tag: 'Identity',
    summary: 'One user of the organization, as 7pace shows one', params: idParam, query: expandQuery,
    handle: ({ app, caller, params }) => getUser(app.ports, caller, params.id),
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
    summary: "The organization's activity types in 7pace's envelope, \"[Not Set]\" first under the all-zero id",
    handle: async ({ app, caller }) => activityTypeList(await activityTypesOf(app.ports, caller.orgId, caller.orgName)),
  }),
  defineRoute({
    name: 'getActivityType', method: 'GET', path: '/rest/activityTypes/{id}', access: 'member', tag: 'Organization',
    summary: 'One activity type', params: idParam,
    handle: async ({ app, caller, params }) => {
      const found = findActivityType(await activityTypesOf(app.ports, caller.orgId, caller.orgName), params.id);
      if (!found) throw notFound(`activity type ${params.id}`);
      return found;
    },
  }),
];
