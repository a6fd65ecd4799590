import { idParam } from '../../contracts/common.js';
import { subjectQuery } from '../../contracts/roles.js';
import { newWorklogBody, worklogBatchBody, worklogBatchQuery, worklogGetQuery, worklogListQuery, worklogPatchBody } from '../../contracts/worklogs.js';
import { addWorklogs } from '../../worklogs/add-worklogs.js';
import { deleteWorklog, updateWorklog } from '../../worklogs/change-worklog.js';
import { getWorklog, listAllWorklogs, listMyWorklogs } from '../../worklogs/read-worklogs.js';
import { defineRoute, withHeaders } from '../route.js';

const tag = 'Worklogs';
const IDEMPOTENCY_KEY = 'Idempotency-Key';
const CONTINUATION = 'X-Continuation-Token';
const continuationHeader = {
  [CONTINUATION]: 'Set while more may follow (a page can be short when filters match rarely; only its absence means the end): send it back as $continuationToken with the same filters',
};
/** The body stays 7pace's `{ data: [...] }`; the token rides in a header, which browser pages may read. */
const page = ({ worklogs, continuationToken }: { worklogs: unknown[]; continuationToken?: string }) =>
  withHeaders(worklogs, { [CONTINUATION]: continuationToken, 'Access-Control-Expose-Headers': continuationToken && CONTINUATION });

export const worklogRoutes = [
  defineRoute({
    name: 'listWorklogs', method: 'GET', path: '/rest/workLogs', access: 'member', tag,
    summary: "The caller's worklogs (or userId's, by role), oldest first ($count at most 500)",
    query: worklogListQuery, responseHeaders: continuationHeader,
    handle: async ({ app, caller, query }) => page(await listMyWorklogs(app.ports, caller, query)),
  }),
  defineRoute({
    name: 'listAllWorklogs', method: 'GET', path: '/rest/workLogs/all', access: 'member', tag,
    summary: "Everyone's worklogs (Administrators, Product and Budget managers) or the caller's teams' (Team leads)",
    query: worklogListQuery, responseHeaders: continuationHeader,
    handle: async ({ app, caller, query }) => page(await listAllWorklogs(app.ports, caller, query)),
  }),
  defineRoute({
    name: 'addWorklog', method: 'POST', path: '/rest/workLogs', access: 'member', tag, successStatus: 201,
    summary: 'Add a worklog by hand (Administrators: for userId)', headers: [IDEMPOTENCY_KEY], writes: 'time',
    body: newWorklogBody, query: subjectQuery,
    usersInBody: (body) => (body.userId ? [body.userId] : []),
    handle: async ({ app, caller, body, query, header, seatOf }) => {
      const [added] = await addWorklogs(app.ports, caller, [body], { idempotencyKey: header(IDEMPOTENCY_KEY), userId: query.userId, takeSeat: seatOf });
      return added;
    },
  }),
  defineRoute({
    name: 'addWorklogBatch', method: 'POST', path: '/rest/workLogs/batch', access: 'member', tag, successStatus: 201,
    summary: 'Add up to 500 worklogs (items may name their userId), all or none per user; validateOnly or $validateOnly=true checks without writing', headers: [IDEMPOTENCY_KEY], writes: 'time',
    body: worklogBatchBody, query: worklogBatchQuery,
    usersInBody: (body) => body.flatMap((item) => (item.userId ? [item.userId] : [])),
    handle: ({ app, caller, body, query, header, seatOf }) =>
      addWorklogs(app.ports, caller, body, { idempotencyKey: header(IDEMPOTENCY_KEY), validateOnly: query.validateOnly, userId: query.userId, takeSeat: seatOf }),
  }),
  defineRoute({
    name: 'getWorklog', method: 'GET', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'One of the caller\'s worklogs (or userId\'s, by role)', params: idParam, query: worklogGetQuery,
    handle: ({ app, caller, params, query }) => getWorklog(app.ports, caller, params.id, query.userId, query.$includeEditable),
  }),
  defineRoute({
    name: 'updateWorklog', method: 'PATCH', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'Change one of the caller\'s worklogs (Administrators: userId\'s)', params: idParam, body: worklogPatchBody,
    query: subjectQuery, writes: 'time',
    handle: ({ app, caller, params, body, query, takeSeat }) => updateWorklog(app.ports, caller, params.id, body, { userId: query.userId, takeSeat }),
  }),
  defineRoute({
    name: 'deleteWorklog', method: 'DELETE', path: '/rest/workLogs/{id}', access: 'member', tag,
    summary: 'Delete one of the caller\'s worklogs (Administrators: userId\'s)', params: idParam, query: subjectQuery, writes: 'time',
    handle: ({ app, caller, params, query, takeSeat }) => deleteWorklog(app.ports, caller, params.id, { userId: query.userId, takeSeat }),
  }),
];
