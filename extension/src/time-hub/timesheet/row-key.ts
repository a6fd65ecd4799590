import type { WorklogView } from '../../shared/api-types.js';

/** What a timesheet row is about: a work item, an internal target, or neither (both null). */
export interface RowSubject {
  workItemId: number | null;
  targetId: string | null;
}

/** The row's name in test ids and React keys: `12`, `target-vacation` or `none`. */
export const rowKey = (row: RowSubject) => (row.workItemId !== null ? String(row.workItemId) : row.targetId !== null ? `target-${row.targetId}` : 'none');

/** Whether a worklog belongs in the row (a worklog read before targets has none). */
export const inRow = (worklog: Pick<WorklogView, 'workItemId' | 'targetId'>, row: RowSubject) =>
  worklog.workItemId === row.workItemId && (worklog.targetId ?? null) === row.targetId;
