import type { ExplorerRow } from '../../shared/explorer-api.js';

/** The day and the span in the user's own wall-clock time (their local day, as reports count it). */
export function startParts(row: ExplorerRow): { day: string; span: string } {
  const wallClock = new Date(row.localTimestamp);
  const end = new Date(wallClock.getTime() + row.length * 1000);
  const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  return {
    day: wallClock.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    span: `${time(wallClock)} – ${time(end)}`,
  };
}

export const startLabel = (row: ExplorerRow) => `${startParts(row).day} ${startParts(row).span}`;

export const workItemLabel = (row: ExplorerRow) =>
  row.workItem === null ? 'No work item' : `#${row.workItem.id}${row.workItem.title ? ` ${row.workItem.title}` : ''}`;

export const activityTypeLabel = (row: ExplorerRow) => row.activityType?.name ?? '[Not Set]';
