import type { ActivityType } from '../domain/activity-types.js';
import { offsetLabel } from '../domain/time.js';
import type { Target } from '../domain/targets.js';
import type { Worklog } from '../domain/worklog.js';
import type { WorkItemName } from '../work-items/work-item-names.js';
import type { ExportColumn } from './export-columns.js';

/**
 * A worklog with its work item's title and type, looked up for each batch the export reads.
 * A pair rather than the worklog's fields copied with the name beside: an export makes a
 * million of them, and a pair of two fields is cheaper to make than a copy of twenty.
 */
export interface NamedWorklog {
  worklog: Worklog;
  workItemName: WorkItemName | undefined;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const SECONDS_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The wall clock of an instant at a UTC offset, YYYY-MM-DDTHH:MM:SS. When the offset keeps
 * the instant's date (most worklogs), the hours and minutes are shifted in the text; across
 * midnight, or for any other form of instant, the date arithmetic is left to Date.
 */
export function wallClock(instant: string, offsetMinutes: number) {
  if (Number.isInteger(offsetMinutes) && SECONDS_INSTANT.test(instant)) {
    const minutes = Number(instant.slice(11, 13)) * 60 + Number(instant.slice(14, 16)) + offsetMinutes;
    if (minutes >= 0 && minutes < 1440) return `${instant.slice(0, 11)}${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}${instant.slice(16, 19)}`;
  }
  return new Date(Date.parse(instant) + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

/** What billing and payroll need of a worklog, in the user's local time. */
export function worklogColumns(activityTypes: readonly ActivityType[], targets: readonly Target[]): ExportColumn<NamedWorklog>[] {
  const names = new Map(activityTypes.map((a) => [a.id, a.name]));
  const targetNames = new Map(targets.map((t) => [t.id, t.name]));
  return [
    { header: 'Date', kind: 'day', value: ({ worklog: w }) => w.localDay, width: 12 },
    { header: 'Start', kind: 'localTime', value: ({ worklog: w }) => wallClock(w.timestamp, w.utcOffsetMinutes), width: 20 },
    { header: 'End', kind: 'localTime', value: ({ worklog: w }) => wallClock(w.endTimestamp, w.utcOffsetMinutes), width: 20 },
    { header: 'UTC offset', kind: 'text', value: ({ worklog: w }) => offsetLabel(w.utcOffsetMinutes), width: 10 },
    { header: 'User', kind: 'text', value: ({ worklog: w }) => w.user.name, width: 24 },
    { header: 'Unique name', kind: 'text', value: ({ worklog: w }) => w.user.uniqueName, width: 28 },
    { header: 'Work item', kind: 'integer', value: ({ worklog: w }) => w.workItemId, width: 10 },
    { header: 'Work item title', kind: 'text', value: ({ workItemName }) => workItemName?.title ?? null, width: 40 },
    { header: 'Work item type', kind: 'text', value: ({ workItemName }) => workItemName?.type ?? null, width: 14 },
    // Worklogs read before targets existed lack the field.
    { header: 'Target', kind: 'text', value: ({ worklog: w }) => (w.targetId ? (targetNames.get(w.targetId) ?? w.targetId) : null), width: 16 },
    { header: 'Activity type', kind: 'text', value: ({ worklog: w }) => (w.activityTypeId ? (names.get(w.activityTypeId) ?? w.activityTypeId) : null), width: 16 },
    { header: 'Comment', kind: 'text', value: ({ worklog: w }) => w.comment, width: 40 },
    { header: 'Hours', kind: 'hours', value: ({ worklog: w }) => w.length, width: 8 },
    { header: 'Billable hours', kind: 'hours', value: ({ worklog: w }) => w.billableLength, width: 8 },
    { header: 'Billable', kind: 'flag', value: ({ worklog: w }) => w.flags.isBillable, width: 9 },
    { header: 'Tracked', kind: 'flag', value: ({ worklog: w }) => w.flags.isTracked, width: 9 },
    { header: 'Manual', kind: 'flag', value: ({ worklog: w }) => w.flags.isManuallyEntered, width: 9 },
    { header: 'Edited', kind: 'flag', value: ({ worklog: w }) => w.flags.isChanged, width: 9 },
    { header: 'Worklog id', kind: 'text', value: ({ worklog: w }) => w.id, width: 38 },
  ];
}
