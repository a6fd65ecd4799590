import { idParam } from '../../contracts/common.js';
import { newWorklogBody, worklogBatchBody, worklogBatchQuery, worklogListQuery, worklogPatchBody } from '../../contracts/worklogs.js';
import { addWorklogs } from '../../worklogs/add-worklogs.js';
import { deleteWorklog, updateWorklog } from '../../worklogs/change-worklog.js';
import { getWorklog, listAllWorklogs, listMyWorklogs } from '../../worklogs/read-worklogs.js';
import { defineRoute } from '../route.js';

const tag = 'Worklogs';
const IDEMPOTENCY_KEY = 'Idempotency-Key';

export const worklogRoutes = [
  defineRoute({
    name: 'listWorklogs', method: 'GET', path: '/rest/workLogs', access: 'member', tag,
    summary: "The caller's worklogs, oldest first ($count at most 500)",
    query: worklogListQuery,
    handle: ({ app, caller, query }) => listMyWorklogs(app.ports, caller, query),
  }),
  defineRoute({
    name: 'listAllWorklogs', method: 'GET', path: '/rest/workLogs/all', access: 'admin', tag,
    summary: "Everyone's worklogs in the organization (admins)",
    query: worklogListQuery,
    handle: ({ app, caller, query }) => listAllWorklogs(app.ports, caller, query),
  }),
  defineRoute({
    name: 'addWorklog', method: 'POST', path: '/rest/workLogs', access: 'member', tag, successStatus: 201,
    summary: 'Add a worklog by hand', headers: [IDEMPOTENCY_KEY],
    body: newWorklogBody,
    handle: async ({ app, caller, body, header }) => {
      const [added] = await addWorklogs(app.ports, caller, [body], { idempotencyKey: header(IDEMPOTENCY_KEY) });
      return added;
    },
  }),
  defineRoute({
    name: 'addWorklogBatch', method: 'POST', path: '/rest/workLogs/batch', access: 'member', tag, successStatus: 201,
    summary: 'Add up to 500 worklogs, all or none; validateOnly=true checks without writing', headers: [IDEMPOTENCY_KEY],
    body: worklogBatchBody, query: worklogBatchQuery,
    handle: ({ app, caller, body, query, header }) =>
      addWorklogs(app.ports, caller, body, { idempotencyKey: header(IDEMPOTENCY_KEY), validateOnly: query.validateOnly }),
  }),
  defineRoute({
    name: 'getWorklog', method: 'GET', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'One of the caller\'s worklogs', params: idParam,
    handle: ({ app, caller, params }) => getWorklog(app.ports, caller, params.id),
  }),
  defineRoute({
    name: 'updateWorklog', method: 'PATCH', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'Change one of the caller\'s worklogs', params: idParam, body: worklogPatchBody,
    handle: ({ app, caller, params, body }) => updateWorklog(app.ports, caller, params.id, body),
  }),
  defineRoute({
    name: 'deleteWorklog', method: 'DELETE', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'Delete one of the caller\'s worklogs', params: idParam,
    handle: ({ app, caller, params }) => deleteWorklog(app.ports, caller, params.id),
  }),
];
