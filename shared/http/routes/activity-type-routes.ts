import { activityTypePatchBody, newActivityTypeBody } from '../../contracts/activity-types.js';
import { idParam } from '../../contracts/common.js';
import { createActivityType, retireActivityType, updateActivityType } from '../../settings/manage-activity-types.js';
import { defineRoute } from '../route.js';

const tag = 'Organization';

/** Managing the org's activity types (admins); GET /rest/activityTypes lists them for everyone. */
export const activityTypeRoutes = [
  defineRoute({
    name: 'createActivityType', method: 'POST', path: '/rest/activityTypes', access: 'admin', tag, successStatus: 201,
    summary: 'Add an activity type (admins); names are unique, a new default replaces the old one',
    body: newActivityTypeBody,
    handle: ({ app, caller, body }) => createActivityType(app.ports, caller, body),
  }),
  defineRoute({
    name: 'updateActivityType', method: 'PATCH', path: '/rest/activityTypes/{id}', access: 'admin', tag,
    summary: 'Rename, recolor, make default, deactivate or reactivate an activity type (admins)',
    params: idParam, body: activityTypePatchBody,
    handle: ({ app, caller, params, body }) => updateActivityType(app.ports, caller, params.id, body),
  }),
  defineRoute({
    name: 'deactivateActivityType', method: 'DELETE', path: '/rest/activityTypes/{id}', access: 'admin', tag,
    summary: 'Deactivate an activity type (admins): worklogs keep it, new time cannot use it',
    params: idParam,
    handle: ({ app, caller, params }) => retireActivityType(app.ports, caller, params.id),
  }),
];
