import type { ErrorDetail } from '../../../shared/domain/errors.js';
import { ApiError, errorMessage } from './api-error.js';
import { dateLabel, timeLabel, timeRangeLabel } from './format.js';

type Conflict = NonNullable<ErrorDetail['conflict']>;

/** "your worklog on #3, Mon, Nov 30, 9:00 – 11:00 AM": the collision in the reader's own time. */
function conflictText(conflict: Conflict, code: string): string {
  const start = new Date(conflict.timestamp);
  const on = conflict.workItemId ? ` on #${conflict.workItemId}` : '';
  if (code === 'worklog.overlaps_tracker') return `This time overlaps your running tracker${on}, started ${dateLabel(conflict.timestamp)}, ${timeLabel(start)}.`;
  return `This time overlaps your worklog${on}, ${dateLabel(conflict.timestamp)}, ${timeRangeLabel(start, new Date(conflict.endTimestamp))}.`;
}

/**
 * A failed action in the user's words: collisions name the worklog they hit in local time
 * (the server's own message carries its id and UTC instants); anything else as the server said it.
 */
export function errorLines(error: unknown): { message: string; details: string[] } {
  if (!(error instanceof ApiError)) return { message: errorMessage(error), details: [] };
  const conflicts = error.details.filter((d) => d.conflict);
  const others = error.details.filter((d) => !d.conflict).map((d) => d.message).filter((m) => m !== error.message);
  if (conflicts.length === 0) return { message: error.message, details: others };
  const lines = conflicts.map((d) => conflictText(d.conflict!, d.code));
  return { message: lines[0]!, details: [...lines.slice(1), ...others] };
}
