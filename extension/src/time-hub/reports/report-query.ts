import { timeReportQuery, type ReportDimension } from '../../../../shared/contracts/reports.js';
import { localDayOf } from '../../shared/format.js';
import { addDays, mondayOf } from '../timesheet/week.js';

/** What the Reports page shows: the query of GET /api/reports/time, as the form edits it. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportDimension[];
  users: string[];
  teams: string[];
  workItems: number[];
  activityTypes: string[];
  targets: string[];
  billable: boolean | undefined;
}

export const PRESETS = ['thisWeek', 'thisMonth', 'lastMonth', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_NAMES: Record<Preset | 'custom', string> = {
  thisWeek: 'This week', thisMonth: 'This month', lastMonth: 'Last month', thisYear: 'This year', custom: 'Custom',
};

const lastDayOfMonth = (year: number, month: number) => localDayOf(new Date(year, month + 1, 0, 12));

/** The local days a preset covers, seen from `today`. */
export function presetRange(preset: Preset, today: Date): { from: string; to: string } {
  const year = today.getFullYear();
  const month = today.getMonth();
  switch (preset) {
    case 'thisWeek': { const monday = mondayOf(today); return { from: monday, to: addDays(monday, 6) }; }
    case 'thisMonth': return { from: localDayOf(new Date(year, month, 1, 12)), to: lastDayOfMonth(year, month) };
    case 'lastMonth': return { from: localDayOf(new Date(year, month - 1, 1, 12)), to: lastDayOfMonth(year, month - 1) };
    case 'thisYear': return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

export function presetOf(query: Pick<ReportQuery, 'from' | 'to'>, today: Date): Preset | 'custom' {
  return PRESETS.find((preset) => {
    const range = presetRange(preset, today);
    return range.from === query.from && range.to === query.to;
  }) ?? 'custom';
}

export function defaultQuery(today: Date): ReportQuery {
  return { ...presetRange('thisMonth', today), groupBy: ['user'], users: [], teams: [], workItems: [], activityTypes: [], targets: [], billable: undefined };
}

/** The query string of a report, in one order, with empty filters left out: the hub's URL and a saved view hold it. */
export function toParams(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy.join(',') });
  if (query.users.length) params.set('users', query.users.join(','));
  if (query.teams.length) params.set('teams', query.teams.join(','));
  if (query.workItems.length) params.set('workItems', query.workItems.join(','));
  if (query.activityTypes.length) params.set('activityTypes', query.activityTypes.join(','));
  if (query.targets.length) params.set('targets', query.targets.join(','));
  if (query.billable !== undefined) params.set('billable', String(query.billable));
  return params.toString();
}

/**
 * Reads a report's query string with the API's own schema. An empty one is the default
 * report; one the API would refuse is the default report plus the reason.
 */
export function fromParams(text: string, today: Date): { query: ReportQuery; problem?: string } {
  if (!text) return { query: defaultQuery(today) };
  const parsed = timeReportQuery.safeParse(Object.fromEntries(new URLSearchParams(text)));
  if (!parsed.success) {
    return { query: defaultQuery(today), problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  const q = parsed.data;
  return {
    query: {
      from: q.from, to: q.to, groupBy: q.groupBy, users: q.users ?? [], teams: q.teams ?? [], workItems: q.workItems ?? [],
      activityTypes: q.activityTypes ?? [], targets: q.targets ?? [], billable: q.billable,
    },
  };
}
