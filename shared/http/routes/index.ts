import { timesheetQuery } from '../../contracts/timesheet.js';
import { getTimesheet } from '../../timesheet/get-timesheet.js';
import { openApiDocument } from '../openapi.js';
import { defineRoute, type AnyRoute } from '../route.js';
import { activityTypeRoutes } from './activity-type-routes.js';
import { approvalRoutes } from './approval-routes.js';
import { automationRoutes } from './automation-routes.js';
import { billingRoutes } from './billing-routes.js';
import { budgetRoutes } from './budget-routes.js';
import { explorerRoutes } from './explorer-routes.js';
import { exportRoutes } from './export-routes.js';
import { identityRoutes } from './identity-routes.js';
import { odataRoutes } from './odata-routes.js';
import { orgRoutes } from './org-routes.js';
import { reportRoutes } from './report-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { targetRoutes } from './target-routes.js';
import { trackingRoutes } from './tracking-routes.js';
import { worklogRoutes } from './worklog-routes.js';

/** The route table: every endpoint of Timehub, read by Azure, the local host and OpenAPI. */
export const routes: AnyRoute[] = [
  defineRoute({
    name: 'health', method: 'GET', path: '/health', access: 'public', tag: 'Service',
    summary: 'Liveness', handle: async () => ({ status: 'ok' }),
  }),
  defineRoute({
    name: 'openApi', method: 'GET', path: '/openapi.json', access: 'public', tag: 'Service',
    summary: 'This API, described as OpenAPI 3.1', unwrapped: true, handle: async () => openApiDocument(routes),
  }),
  ...identityRoutes,
  ...activityTypeRoutes,
  ...targetRoutes,
  ...trackingRoutes,
  ...settingsRoutes,
  ...automationRoutes,
  ...worklogRoutes,
  ...explorerRoutes,
  defineRoute({
    name: 'timesheet', method: 'GET', path: '/timesheet', access: 'member', tag: 'Timesheet',
    summary: "The caller's time per local day and work item (at most 31 days); userId's by role",
    query: timesheetQuery,
    handle: ({ app, caller, query }) => getTimesheet(app.ports, caller, query),
  }),
  ...exportRoutes,
  ...approvalRoutes,
  ...reportRoutes,
  ...odataRoutes,
  ...budgetRoutes,
  ...orgRoutes,
  ...billingRoutes,
];
