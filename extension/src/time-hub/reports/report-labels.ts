import type { ReportDimension } from '../../../../shared/contracts/reports.js';
import type { ReportRow } from '../../shared/api-types.js';
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

/** What a person reads for a group's value: names for ids, dates as dates. */
export function labelOf(dimension: ReportDimension, value: GroupValue, names: ReportNames | undefined, titles?: ReadonlyMap<number, string>): string {
  if (value === null) {
    return { user: 'Unknown user', workItem: 'No work item', target: 'No target', activityType: 'No activity type', billable: 'Not billable', day: '', week: '', month: '' }[dimension];
  }
  switch (dimension) {
    case 'user': return names?.users.get(String(value)) ?? String(value);
    case 'activityType': return names?.activityTypes.get(String(value)) ?? String(value);
    case 'target': return names?.targets.get(String(value)) ?? String(value);
    case 'workItem': { const title = titles?.get(Number(value)); return title ? `#${String(value)} ${title}` : `#${String(value)}`; }
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
