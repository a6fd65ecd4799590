import { idParam } from '../../contracts/common.js';
import { newTargetBody, targetListQuery, targetPatchBody } from '../../contracts/targets.js';
import { createTarget, deactivateTarget, listTargets, updateTarget } from '../../targets/manage-targets.js';
import { defineRoute } from '../route.js';

const tag = 'Organization';

/** Internal targets: time on no work item (vacation, meetings, ...). Administrators manage them. */
export const targetRoutes = [
  defineRoute({
    name: 'targets', method: 'GET', path: '/rest/targets', access: 'member', tag,
    summary: 'The internal targets time can be tracked on (vacation, meetings, ...); includeInactive=true adds deactivated ones (Administrators)',
    query: targetListQuery,
    handle: ({ app, caller, query }) => listTargets(app.ports, caller, query),
  }),
  defineRoute({
    name: 'createTarget', method: 'POST', path: '/rest/targets', access: 'admin', tag, successStatus: 201,
    summary: 'Add an internal target (Administrators); names are unique ignoring case',
    body: newTargetBody,
    handle: ({ app, caller, body }) => createTarget(app.ports, caller, body),
  }),
  defineRoute({
    name: 'updateTarget', method: 'PATCH', path: '/rest/targets/{id}', access: 'admin', tag,
    summary: 'Rename, recolour, change the billable default, deactivate or reactivate a target (Administrators)',
    params: idParam, body: targetPatchBody,
    handle: ({ app, caller, params, body }) => updateTarget(app.ports, caller, params.id, body),
  }),
  defineRoute({
    name: 'deactivateTarget', method: 'DELETE', path: '/rest/targets/{id}', access: 'admin', tag,
    summary: 'Deactivate a target (Administrators): worklogs keep it, new time cannot use it',
    params: idParam,
    handle: ({ app, caller, params }) => deactivateTarget(app.ports, caller, params.id),
  }),
];
