import type { NewWorklogRequest, WorklogPatchRequest, WorklogView } from '../../shared/api-types.js';
import { browserTimeZone, localDayOf, localInstant, parseDuration } from '../../shared/format.js';
import { inRow, type RowSubject } from './row-key.js';

type Cell = RowSubject & { day: string };

/** What typing a length into a cell does to the cell's worklogs. */
export type CellEntryPlan =
  | { kind: 'none' }
  | { kind: 'add'; request: NewWorklogRequest }
  | { kind: 'patch'; id: string; patch: WorklogPatchRequest }
  | { kind: 'delete'; id: string }
  | { kind: 'refused'; problem: string };

export const CELL_ENTRY_HINT = 'Type a length (1:30, 1.5 or 90m) and press Enter. An empty cell gets a new worklog; '
  + 'a cell with one worklog changes its length; with several, more time adds a worklog for the difference and less shortens the latest one.';

const DAY_START = '09:00';

/** Turns typed text into one API call that makes the cell hold that length. */
export function planCellEntry(text: string, cell: Cell, dayWorklogs: WorklogView[]): CellEntryPlan {
  const target = text.trim() === '' ? 0 : parseDuration(text);
  if (target === undefined) return { kind: 'refused', problem: `"${text.trim()}" is not a length. Type 1:30, 1.5 or 90m.` };
  const mine = dayWorklogs.filter((w) => inRow(w, cell) && w.localDay === cell.day)
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const current = mine.reduce((sum, w) => sum + w.length, 0);
  if (target === current) return { kind: 'none' };
  const only = mine.length === 1 ? mine[0] : undefined;
  if (only) {
    if (target === 0) return { kind: 'delete', id: only.id };
    return { kind: 'patch', id: only.id, patch: { length: target, billableLength: only.billableLength > 0 ? target : 0 } };
  }
  if (target > current) return addAfterDay(target - current, cell, dayWorklogs);
  const latest = mine[mine.length - 1];
  const less = current - target;
  if (latest && latest.length > less) {
    const length = latest.length - less;
    return { kind: 'patch', id: latest.id, patch: { length, billableLength: latest.billableLength > 0 ? length : 0 } };
  }
  return { kind: 'refused', problem: 'This cell holds several worklogs: open it to remove time from them one by one.' };
}

/** A new worklog after the day's last one (or at 09:00), so typed time does not overlap logged time. */
function addAfterDay(length: number, cell: Cell, dayWorklogs: WorklogView[]): CellEntryPlan {
  const dayStart = new Date(localInstant(cell.day, DAY_START)).getTime();
  const lastEnd = dayWorklogs.filter((w) => w.localDay === cell.day)
    .reduce((end, w) => Math.max(end, new Date(w.timestamp).getTime() + w.length * 1000), dayStart);
  const start = Math.ceil(lastEnd / 60_000) * 60_000;
  if (localDayOf(new Date(start + length * 1000 - 1)) !== cell.day) {
    return { kind: 'refused', problem: 'That much time no longer fits into this day after its logged worklogs. Open the cell to place it.' };
  }
  return {
    kind: 'add',
    request: {
      // On a target, the server bills as the target says.
      timestamp: new Date(start).toISOString(), length, billableLength: cell.targetId === null ? length : undefined, workItemId: cell.workItemId,
      targetId: cell.targetId, comment: null, activityTypeId: null, timeZone: browserTimeZone(),
    },
  };
}
