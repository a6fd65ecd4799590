import { recountRollupsBody, timeReportQuery } from '../../contracts/reports.js';
import { recountRollups } from '../../reports/recount-rollups.js';
import { reportTime } from '../../reports/report-time.js';
import { defineRoute } from '../route.js';

const tag = 'Reports';

export const reportRoutes = [
  defineRoute({
    name: 'timeReport', method: 'GET', path: '/reports/time', access: 'member', tag,
    summary: "Time summed by one or two of user, workItem, activityType, billable, day, week, month (at most 366 days); members see their own, Team leads their teams', managers everyone's",
    query: timeReportQuery,
    handle: ({ app, caller, query }) => reportTime(app.ports, caller, query),
  }),
  defineRoute({
    name: 'recountRollups', method: 'POST', path: '/admin/rollups/recount', access: 'admin', tag,
    summary: "Rewrite one user's report totals from their worklogs (Administrators)",
    body: recountRollupsBody,
    handle: ({ app, caller, body }) => recountRollups(app.ports, caller, body.userId),
  }),
];
