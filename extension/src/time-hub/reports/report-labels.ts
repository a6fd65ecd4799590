import type { ReportDimension } from '../../../../shared/contracts/reports.js';
import type { ReportRow, TimeReportView } from '../../shared/api-types.js';
import { dayLabel, monthLabel, shortDayLabel } from '../../shared/format.js';
import type { ReportNames } from './report-names.js';

export const DIMENSION_NAMES: Record<ReportDimension, string> = {
  user: 'User', workItem: 'Work item', target: 'Target', activityType: 'Activity type', billable: 'Billable', day: 'Day', week: 'Week', month: 'Month',
};

const FIELD = {
  user: 'userId', workItem: 'workItemId', target: 'targetId', activityType: 'activityTypeId', billable: 'billable', day: 'day', week: 'week', month: 'month',
} as const satisfies Record<ReportDimension, keyof ReportRow>;

export type GroupValue = string | number | boolean | null;

export const valueOf = (row: ReportRow, dimension: ReportDimension): GroupValue => row[FIELD[dimension]] ?? null;

/** A report's work items as the server named them: "#12 Title" and the type, by id. */
export type WorkItemNames = ReadonlyMap<number, { title: string | null; type: string | null }>;

export function workItemNamesOf(report: TimeReportView): WorkItemNames {
  return new Map(report.rows.flatMap((row) => (typeof row.workItemId === 'number' ? [[row.workItemId, { title: row.workItemTitle ?? null, type: row.workItemType ?? null }] as const] : [])));
}

/** The type of a work item group's value ("User Story"), shown beside its label; null for other groupings. */
export const typeOf = (dimension: ReportDimension, value: GroupValue, workItems: WorkItemNames | undefined) =>
  (dimension === 'workItem' && typeof value === 'number' ? (workItems?.get(value)?.type ?? null) : null);

/** What a person reads for a group's value: names for ids, dates as dates. */
export function labelOf(dimension: ReportDimension, value: GroupValue, names: ReportNames | undefined, workItems?: WorkItemNames): string {
  if (value === null) {
    return { user: 'Unknown user', workItem: 'No work item', target: 'No target', activityType: 'No activity type', billable: 'Not billable', day: '', week: '', month: '' }[dimension];
  }
  switch (dimension) {
    case 'user': return names?.users.get(String(value)) ?? String(value);
    case 'activityType': return names?.activityTypes.get(String(value)) ?? String(value);
    case 'target': return names?.targets.get(String(value)) ?? String(value);
    case 'workItem': { const title = workItems?.get(Number(value))?.title; return title ? `#${String(value)} ${title}` : `#${String(value)}`; }
    case 'billable': return value ? 'Billable' : 'Not billable';
    case 'day': return dayLabel(String(value));
    case 'week': return `Week of ${shortDayLabel(String(value))}`;
    case 'month': return monthLabel(String(value));
  }
}

/** A shorter label for the chart's axis. */
export function periodTick(dimension: 'day' | 'week' | 'month', value: string): string {
  if (dimension === 'month') return monthLabel(value, 'short');
  return shortDayLabel(value);
}
