import { daysBetween } from './time.js';
import type { Worklog } from './worklog.js';

export interface TimesheetCell {
  day: string;
  seconds: number;
  billableSeconds: number;
  worklogIds: string[];
}

export interface TimesheetRow {
  /** null: worklogs without a work item. */
  workItemId: number | null;
  title: string | null;
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

/** Lays worklogs out per local day and per work item, with day and row totals. */
export function buildTimesheet(
  from: string,
  to: string,
  worklogs: readonly Worklog[],
  titles: ReadonlyMap<number, string>,
): Timesheet {
  const days = daysBetween(from, to);
  const inRange = worklogs.filter((w) => w.localDay >= from && w.localDay <= to);
  const rows = new Map<number | null, TimesheetRow>();
  for (const worklog of inRange) {
    const row = rows.get(worklog.workItemId) ?? emptyRow(worklog.workItemId, days, titles);
    rows.set(worklog.workItemId, row);
    const cell = row.cells.find((c) => c.day === worklog.localDay);
    if (!cell) continue;
    cell.seconds += worklog.length;
    cell.billableSeconds += worklog.billableLength;
    cell.worklogIds.push(worklog.id);
    row.totalSeconds += worklog.length;
  }
  const sortedRows = [...rows.values()].sort((a, b) => (a.workItemId ?? Infinity) - (b.workItemId ?? Infinity));
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

function emptyRow(workItemId: number | null, days: string[], titles: ReadonlyMap<number, string>): TimesheetRow {
  return {
    workItemId,
    title: workItemId === null ? null : (titles.get(workItemId) ?? null),
    totalSeconds: 0,
    cells: days.map((day) => ({ day, seconds: 0, billableSeconds: 0, worklogIds: [] })),
  };
}
