import type { TimesheetView } from '../../shared/api-types.js';

/** The sheet with empty rows for work items added from the grid that hold no time yet. */
export function withAddedRows(sheet: TimesheetView, added: number[]): TimesheetView {
  const present = new Set(sheet.rows.map((row) => row.workItemId));
  const empty = added.filter((id) => !present.has(id)).map((workItemId) => ({
    workItemId, targetId: null, title: null, color: null, totalSeconds: 0, cells: sheet.days.map((d) => ({ day: d.day, seconds: 0, billableSeconds: 0, worklogIds: [] })),
  }));
  return empty.length ? { ...sheet, rows: [...sheet.rows, ...empty] } : sheet;
}
