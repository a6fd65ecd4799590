import { newReportViewBody, reportViewIdParam } from '../../contracts/report-views.js';
import { recountRollupsBody, timeReportQuery } from '../../contracts/reports.js';
import { recountRollups } from '../../reports/recount-rollups.js';
import { reportTimeWithTitles } from '../../reports/report-time.js';
import { deleteReportView, listReportViews, saveReportView } from '../../reports/report-views.js';
import { defineRoute } from '../route.js';

const tag = 'Reports';

export const reportRoutes = [
  defineRoute({
    name: 'timeReport', method: 'GET', path: '/reports/time', access: 'member', tag,
    summary: "Time summed by one or two of user, workItem, activityType, billable, day, week, month (at most 366 days); members see their own, Team leads their teams', managers everyone's",
    query: timeReportQuery,
    handle: ({ app, caller, query }) => reportTimeWithTitles(app.ports, caller, query),
  }),
  defineRoute({
    name: 'listReportViews', method: 'GET', path: '/reports/views', access: 'member', tag,
    summary: "The caller's saved report views: a name and the report's query",
    handle: ({ app, caller }) => listReportViews(app.ports, caller),
  }),
  defineRoute({
    name: 'saveReportView', method: 'POST', path: '/reports/views', access: 'member', tag, successStatus: 201,
    summary: 'Save a report view for the caller (at most 50); a name already used is replaced',
    body: newReportViewBody,
    handle: ({ app, caller, body }) => saveReportView(app.ports, caller, body),
  }),
  defineRoute({
    name: 'deleteReportView', method: 'DELETE', path: '/reports/views/{id}', access: 'member', tag,
    summary: "Delete one of the caller's saved report views", params: reportViewIdParam,
    handle: ({ app, caller, params }) => deleteReportView(app.ports, caller, params.id),
  }),
  defineRoute({
    name: 'recountRollups', method: 'POST', path: '/admin/rollups/recount', access: 'admin', tag,
    summary: "Rewrite one user's report totals from their worklogs (Administrators)",
    body: recountRollupsBody,
    handle: ({ app, caller, body }) => recountRollups(app.ports, caller, body.userId),
  }),
];
