import { badRequest } from '../domain/errors.js';
import { MAX_REPORT_ROWS, type ReportDimension, type TimeReportQuery } from '../contracts/reports.js';
import { targetOfCell, type RollupCell } from '../rollups/rollup-docs.js';
import type { UserCells } from './read-rollup-cells.js';

export interface ReportSums {
  length: number;
  billableLength: number;
  count: number;
}

export type ReportRow = Partial<Record<'userId' | 'targetId' | 'activityTypeId' | 'day' | 'week' | 'month', string | null>> &
  Partial<Record<'workItemId', number | null>> & Partial<Record<'billable', boolean>> & ReportSums &
  /** Grouped by work item: its title and type as the org's work item cache knows them (null when it does not). */
  Partial<Record<'workItemTitle' | 'workItemType', string | null>>;

type Filters = Pick<TimeReportQuery, 'workItems' | 'targets' | 'activityTypes' | 'billable'>;

const weeks = new Map<string, string>();

/** The Monday starting the ISO week of a day (remembered: a report asks for the same days over and over). */
function weekOf(day: string) {
  const known = weeks.get(day);
  if (known) return known;
  if (weeks.size > 10_000) weeks.clear();
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const week = date.toISOString().slice(0, 10);
  weeks.set(day, week);
  return week;
}

const FIELD: Record<ReportDimension, keyof ReportRow> = {
  user: 'userId', workItem: 'workItemId', target: 'targetId', activityType: 'activityTypeId', billable: 'billable', day: 'day', week: 'week', month: 'month',
};

function valueOf(dimension: ReportDimension, userId: string, cell: RollupCell): string | number | boolean | null {
  switch (dimension) {
    case 'user': return userId;
    case 'workItem': return cell[1];
    case 'target': return targetOfCell(cell);
    case 'activityType': return cell[2];
    case 'billable': return cell[3];
    case 'day': return cell[0];
    case 'week': return weekOf(cell[0]);
    case 'month': return cell[0].slice(0, 7);
  }
}

type Value = string | number | boolean | null;

const compare = (a: Value, b: Value) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/**
 * Sums the cells that pass the filters by the grouping; rows in the order of their values.
 * Groups sit in nested maps keyed by the values themselves: no key text is built per cell,
 * which is most of the work on a large org's year.
 */
export function groupReport(cellGroups: readonly UserCells[], groupBy: readonly ReportDimension[], filters: Filters) {
  const [first, second] = groupBy as [ReportDimension, ReportDimension | undefined];
  const groups = new Map<Value, Map<Value, ReportRow>>();
  const totals: ReportSums = { length: 0, billableLength: 0, count: 0 };
  let size = 0;
  for (const { userId, cells } of cellGroups) {
    for (const cell of cells) {
      const [, workItemId, activityTypeId, billable, length, billableLength, count] = cell;
      if (filters.workItems && (workItemId === null || !filters.workItems.includes(workItemId))) continue;
      if (filters.targets && !filters.targets.includes(targetOfCell(cell) ?? '')) continue;
      if (filters.activityTypes && (activityTypeId === null || !filters.activityTypes.includes(activityTypeId))) continue;
      if (filters.billable !== undefined && billable !== filters.billable) continue;
      const a = valueOf(first, userId, cell);
      const b = second ? valueOf(second, userId, cell) : null;
      let inner = groups.get(a);
      if (!inner) groups.set(a, (inner = new Map()));
      let row = inner.get(b);
      if (!row) {
        if (++size > MAX_REPORT_ROWS) throw badRequest('report.too_many_rows', `this report has more than ${MAX_REPORT_ROWS} rows: narrow the dates, the filters or the grouping`);
        row = { [FIELD[first]]: a, ...(second ? { [FIELD[second]]: b } : {}), length: 0, billableLength: 0, count: 0 } as ReportRow;
        inner.set(b, row);
      }
      row.length += length;
      row.billableLength += billableLength;
      row.count += count;
      totals.length += length;
      totals.billableLength += billableLength;
      totals.count += count;
    }
  }
  const rows: ReportRow[] = [];
  for (const a of [...groups.keys()].sort(compare)) {
    const inner = groups.get(a)!;
    for (const b of [...inner.keys()].sort(compare)) rows.push(inner.get(b)!);
  }
  return { rows, totals };
}
