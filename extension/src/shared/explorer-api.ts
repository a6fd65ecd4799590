import type { z } from 'zod';
import type { bulkActionBody } from '../../../shared/contracts/explorer.js';
import type { ExportFormat } from '../../../shared/contracts/exports.js';
import type { bulkJobView } from '../../../shared/explorer/bulk-jobs.js';
import type { ApprovalFilter } from '../../../shared/approvals/approval-filter.js';
import type { WorklogSelection } from '../../../shared/explorer/explorer-selection.js';
import type { previewBulkAction } from '../../../shared/explorer/check-bulk-action.js';
import type { listExplorerWorklogs } from '../../../shared/explorer/list-explorer-worklogs.js';
import type { ApiClient } from './api-client.js';

/** The Times Explorer's answers, typed by the server's own use cases. */
export type ExplorerPage = Awaited<ReturnType<typeof listExplorerWorklogs>>;
export type ExplorerRow = ExplorerPage['items'][number];
export type BulkPreview = Awaited<ReturnType<typeof previewBulkAction>>;
export type BulkJobView = ReturnType<typeof bulkJobView>;
export type BulkActionRequest = z.input<typeof bulkActionBody>;

/** What the grid filters by, as GET /explorer/workLogs takes it (from and to are instants, always set). */
export type ExplorerQueryFilter = WorklogSelection & { from: string; to: string; approval?: readonly ApprovalFilter[] };

export type ExplorerSort = 'timestamp' | '-timestamp';

/** The filter as query parameters; the export sends exactly these, so the file holds what the grid shows. */
export function explorerParams(filter: ExplorerQueryFilter): URLSearchParams {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.userIds?.length) params.set('userIds', filter.userIds.join(','));
  if (filter.workItemIds?.length) params.set('workItemIds', filter.workItemIds.join(','));
  if (filter.activityTypeIds?.length) params.set('activityTypeIds', filter.activityTypeIds.join(','));
  for (const flag of ['billable', 'tracked', 'edited'] as const) {
    if (filter[flag] !== undefined) params.set(flag, String(filter[flag]));
  }
  if (filter.approval?.length) params.set('approval', filter.approval.join(','));
  return params;
}

/** The same filter in a bulk action's body: the lists as arrays, nothing left empty (a bulk filter has no approval states). */
export function bulkFilterOf(filter: ExplorerQueryFilter): NonNullable<BulkActionRequest['filter']> {
  const { userIds, workItemIds, activityTypeIds, approval: _approval, ...rest } = filter;
  return {
    ...rest,
    ...(userIds?.length ? { userIds: [...userIds] } : {}),
    ...(workItemIds?.length ? { workItemIds: [...workItemIds] } : {}),
    ...(activityTypeIds?.length ? { activityTypeIds: [...activityTypeIds] } : {}),
  };
}

/** Totals of a report over local days, narrowed as the grid is (where a report can narrow: not by tracked or edited). */
export interface ReportTotalsQuery {
  fromDay: string;
  toDay: string;
  userIds?: readonly string[];
  workItemIds?: readonly number[];
  activityTypeIds?: readonly string[];
  billable?: boolean;
  approval?: readonly ApprovalFilter[];
}

/** The query of GET /reports/time that totals the same worklogs (grouped by billable: the fewest rows). */
export function reportTotalsParams(query: ReportTotalsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.fromDay, to: query.toDay, groupBy: 'billable' });
  if (query.userIds?.length) params.set('users', query.userIds.join(','));
  if (query.workItemIds?.length) params.set('workItems', query.workItemIds.join(','));
  if (query.activityTypeIds?.length) params.set('activityTypes', query.activityTypeIds.join(','));
  if (query.billable !== undefined) params.set('billable', String(query.billable));
  if (query.approval?.length) params.set('approval', query.approval.join(','));
  return params;
}

export function explorerApi({ request, file }: ApiClient) {
  return {
    page: (filter: ExplorerQueryFilter, sort: ExplorerSort, count: number, continuationToken?: string) => {
      const params = explorerParams(filter);
      params.set('sort', sort);
      params.set('$count', String(count));
      if (continuationToken) params.set('$continuationToken', continuationToken);
      return request<ExplorerPage>('GET', `/explorer/workLogs?${params.toString()}`);
    },
    previewBulk: (body: BulkActionRequest) => request<BulkPreview>('POST', '/explorer/bulkActions/preview', body),
    runBulk: (body: BulkActionRequest) => request<BulkJobView>('POST', '/explorer/bulkActions', body),
    bulkJob: (id: string) => request<BulkJobView>('GET', `/explorer/bulkActions/${encodeURIComponent(id)}`),
    exportFile: (filter: ExplorerQueryFilter, format: ExportFormat) => {
      const params = explorerParams(filter);
      params.set('format', format);
      return file(`/exports/workLogs?${params.toString()}`, `worklogs.${format}`);
    },
  };
}
