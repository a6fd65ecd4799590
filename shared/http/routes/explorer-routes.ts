import { idParam } from '../../contracts/common.js';
import { MAX_BULK_WORKLOGS, bulkActionBody, explorerListQuery } from '../../contracts/explorer.js';
import { notFound } from '../../domain/errors.js';
import { bulkJobView, readBulkJob } from '../../explorer/bulk-jobs.js';
import { previewBulkAction } from '../../explorer/check-bulk-action.js';
import { listExplorerWorklogs } from '../../explorer/list-explorer-worklogs.js';
import { runBulkAction } from '../../explorer/run-bulk-action.js';
import { defineRoute } from '../route.js';

const tag = 'Times Explorer';

/** The Times Explorer: a filtered, sorted, paged grid of worklogs and bulk actions over them. Totals come from /reports/time. */
export const explorerRoutes = [
  defineRoute({
    name: 'explorerWorklogs', method: 'GET', path: '/explorer/workLogs', access: 'member', tag,
    summary: "One page of the worklogs the caller's role may read, filtered and by start time; continuationToken is null on the last page",
    query: explorerListQuery,
    handle: ({ app, caller, query }) => listExplorerWorklogs(app.ports, caller, query),
  }),
  defineRoute({
    name: 'previewBulkAction', method: 'POST', path: '/explorer/bulkActions/preview', access: 'member', tag, permission: 'worklogs:write:all',
    summary: 'Checks a bulk action and counts the worklogs it would touch, changing nothing (Administrators)',
    body: bulkActionBody,
    handle: ({ app, caller, body }) => previewBulkAction(app.ports, app.billing, caller, body),
  }),
  defineRoute({
    name: 'runBulkAction', method: 'POST', path: '/explorer/bulkActions', access: 'member', tag, permission: 'worklogs:write:all',
    summary: `Changes the activity type, billable flag or work item of, or deletes, up to ${MAX_BULK_WORKLOGS.toLocaleString('en')} worklogs, all or none (Administrators)`,
    body: bulkActionBody,
    handle: ({ app, caller, body }) => runBulkAction(app.ports, app.billing, caller, body),
  }),
  defineRoute({
    name: 'getBulkAction', method: 'GET', path: '/explorer/bulkActions/{id}', access: 'member', tag, permission: 'worklogs:write:all',
    summary: 'What a bulk action did, or how it stands while it runs (Administrators)', params: idParam,
    handle: async ({ app, caller, params }) => {
      const job = await readBulkJob(app.ports.store, caller.orgId, params.id);
      if (!job) throw notFound(`bulk action ${params.id}`);
      return bulkJobView(job);
    },
  }),
];
