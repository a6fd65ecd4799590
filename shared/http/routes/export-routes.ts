import { timeReportExportQuery, worklogExportQuery } from '../../contracts/exports.js';
import { CONTENT_TYPES } from '../../exports/export-file.js';
import { exportReport } from '../../exports/export-report.js';
import { exportWorklogs } from '../../exports/export-worklogs.js';
import { defineRoute, StreamedFile } from '../route.js';

const tag = 'Exports';
const streams = (description: string) => ({ contentTypes: Object.values(CONTENT_TYPES), description });

export const exportRoutes = [
  defineRoute({
    name: 'exportWorklogs', method: 'GET', path: '/exports/workLogs', access: 'member', tag,
    summary: "Worklogs as CSV or XLSX, streamed: the caller's own, their teams' (Team leads) or everyone's (managers, Administrators)",
    query: worklogExportQuery, streams: streams('One row per worklog: local date, start and end, user, work item, activity type, comment, hours, billable hours, flags'),
    handle: async ({ app, caller, query, signal }) => {
      const file = await exportWorklogs(app.ports, caller, query, signal);
      return new StreamedFile(file.contentType, file.fileName, file.chunks);
    },
  }),
  defineRoute({
    name: 'exportTimeReport', method: 'GET', path: '/exports/reports/time', access: 'member', tag,
    summary: 'A time report (the query of GET /reports/time) as CSV or XLSX, with user and activity type names',
    query: timeReportExportQuery, streams: streams('One row per group: the group labels, hours, billable hours and the number of worklogs'),
    handle: async ({ app, caller, query }) => {
      const file = await exportReport(app.ports, caller, query);
      return new StreamedFile(file.contentType, file.fileName, file.chunks);
    },
  }),
];
