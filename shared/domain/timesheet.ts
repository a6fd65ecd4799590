import type { Target } from './targets.js';
import { daysBetween } from './time.js';
import type { Worklog } from './worklog.js';

export interface TimesheetCell {
  day: string;
  seconds: number;
  billableSeconds: number;
  worklogIds: string[];
}

export interface TimesheetRow {
  /** null: worklogs on a target, or on neither. */
  workItemId: number | null;
  /** The internal target of the row's worklogs; null for a work item's row or the row of neither. */
  targetId: string | null;
  /** The work item's title, or the target's name. */
  title: string | null;
  /** The target's colour (#rrggbb); null for other rows. */
  color: string | null;
  totalSeconds: number;
  cells: TimesheetCell[];
}

export interface Timesheet {
  from: string;
  to: string;
  days: { day: string; totalSeconds: number; billableSeconds: number }[];
  rows: TimesheetRow[];
  totalSeconds: number;
  worklogs: Worklog[];
}

type RowKey = number | string | null;
/** A work item's row by its id, a target's by `target:<id>`, the row of neither by null. */
const rowKey = (worklog: Pick<Worklog, 'workItemId' | 'targetId'>): RowKey =>
  worklog.workItemId ?? (worklog.targetId ? `target:${worklog.targetId}` : null);

/** Work items by id, then targets by name, then the time on neither. */
function rowOrder(a: TimesheetRow, b: TimesheetRow) {
  const rank = (row: TimesheetRow) => (row.workItemId !== null ? 0 : row.targetId !== null ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.workItemId !== null && b.workItemId !== null) return a.workItemId - b.workItemId;
  return (a.title ?? '').localeCompare(b.title ?? '');
}

/** Lays worklogs out per local day and per work item or target, with day and row totals. */
export function buildTimesheet(
  from: string,
  to: string,
  worklogs: readonly Worklog[],
  titles: ReadonlyMap<number, string>,
  targets: readonly Target[] = [],
): Timesheet {
  const days = daysBetween(from, to);
  const inRange = worklogs.filter((w) => w.localDay >= from && w.localDay <= to);
  const rows = new Map<RowKey, TimesheetRow>();
  for (const worklog of inRange) {
    const key = rowKey(worklog);
    const row = rows.get(key) ?? emptyRow(worklog, days, titles, targets);
    rows.set(key, row);
    const cell = row.cells.find((c) => c.day === worklog.localDay);
    if (!cell) continue;
    cell.seconds += worklog.length;
    cell.billableSeconds += worklog.billableLength;
    cell.worklogIds.push(worklog.id);
    row.totalSeconds += worklog.length;
  }
  const sortedRows = [...rows.values()].sort(rowOrder);
  const dayTotals = days.map((day) => {
    const cells = sortedRows.map((row) => row.cells.find((c) => c.day === day));
    return {
      day,
      totalSeconds: cells.reduce((sum, c) => sum + (c?.seconds ?? 0), 0),
      billableSeconds: cells.reduce((sum, c) => sum + (c?.billableSeconds ?? 0), 0),
    };
  });
  return {
    from,
    to,
    days: dayTotals,
    rows: sortedRows,
    totalSeconds: dayTotals.reduce((sum, d) => sum + d.totalSeconds, 0),
    worklogs: [...inRange].sort((a, b) => a.timestamp.localeCompare(b.timestamp)),
  };
}

function emptyRow(worklog: Worklog, days: string[], titles: ReadonlyMap<number, string>, targets: readonly Target[]): TimesheetRow {
  const { workItemId } = worklog;
  const targetId = workItemId === null ? (worklog.targetId ?? null) : null;
  const target = targetId === null ? undefined : targets.find((t) => t.id === targetId);
  return {
    workItemId,
    targetId,
    title: workItemId !== null ? (titles.get(workItemId) ?? null) : (target?.name ?? targetId),
    color: target?.color ?? null,
    totalSeconds: 0,
    cells: days.map((day) => ({ day, seconds: 0, billableSeconds: 0, worklogIds: [] })),
  };
}
