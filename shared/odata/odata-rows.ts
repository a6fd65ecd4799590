import type { ActivityType } from '../domain/activity-types.js';
import { wallClockAt } from '../domain/time.js';
import type { UserRef, Worklog } from '../domain/worklog.js';

export type RowValue = string | number | boolean | null | Row;
export interface Row {
  [name: string]: RowValue;
}

/** A row as answered: with $expand, navigation properties hold a related row, or a list of them. */
export interface AnswerRow {
  [name: string]: RowValue | AnswerRow | AnswerRow[];
}

/** An instant in the worklog's own offset: the instant and the user's wall clock in one value. */
export function dateTimeOffset(instant: string, utcOffsetMinutes: number): string {
  const local = wallClockAt(new Date(instant), utcOffsetMinutes);
  if (utcOffsetMinutes === 0) return `${local}Z`;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const reportingUser = (user: UserRef): Row => ({ Id: user.id, Name: user.name, Email: user.uniqueName });

/** 7pace's ReportingWorkItem as the page's context holds it; only its id for an item Azure DevOps does not know; null for a comment-only worklog. */
export function reportingWorkItem(id: number | null, known: Row | undefined): Row | null {
  if (id === null) return null;
  return known ?? { System_Id: id };
}

export interface RowContext {
  activityTypes: ReadonlyMap<string, ActivityType>;
  /** Internal target names by id. */
  targets: ReadonlyMap<string, string>;
  /** Set for workLogsWorkItems: the page's work items by id, as ReportingWorkItem values. */
  workItems?: ReadonlyMap<number, Row>;
}

/** A worklog as 7pace's ReportingWorkLog (or ReportingWorkLogWorkItem), every property present. */
export function reportingWorklog(worklog: Worklog, context: RowContext): Row {
  const offset = worklog.utcOffsetMinutes;
  const type = worklog.activityTypeId === null ? undefined : context.activityTypes.get(worklog.activityTypeId);
  const [year, month, day] = worklog.localDay.split('-').map(Number) as [number, number, number];
  const row: Row = {
    AddedByUser: reportingUser(worklog.addedByUser),
    ActivityType: type ? { Id: type.id, Color: type.color.replace(/^#/, '').toLowerCase(), Name: type.name } : null,
    User: reportingUser(worklog.user),
    Id: worklog.id,
    UserId: worklog.userId,
    AddedByUserId: worklog.addedByUser.id,
    BudgetId: null,
    ActivityTypeId: worklog.activityTypeId,
    WorkItemId: worklog.workItemId,
    Timestamp: dateTimeOffset(worklog.timestamp, offset),
    PeriodLength: worklog.length,
    Comment: worklog.comment,
    // 7pace moves EditedTimestamp on create as well as on change (the basis of incremental refresh).
    EditedTimestamp: dateTimeOffset(worklog.editedTimestamp ?? worklog.createdTimestamp, offset),
    CreatedTimestamp: dateTimeOffset(worklog.createdTimestamp, offset),
    IsTracked: worklog.flags.isTracked,
    IsManuallyEntered: worklog.flags.isManuallyEntered,
    IsChanged: worklog.flags.isChanged,
    IsTrackedExtended: false,
    IsImported: false,
    IsFromApi: false,
    IsBillable: worklog.flags.isBillable,
    BillablePeriodLength: worklog.billableLength,
    EditedByUser: worklog.editedByUser ? reportingUser(worklog.editedByUser) : null,
    Budget: null,
    WorklogDate: { Year: year, Month: month, Day: day, ShortDate: worklog.localDay },
    TargetId: worklog.targetId ?? null,
    TargetName: worklog.targetId ? (context.targets.get(worklog.targetId) ?? null) : null,
  };
  if (context.workItems) row.WorkItem = reportingWorkItem(worklog.workItemId, worklog.workItemId === null ? undefined : context.workItems.get(worklog.workItemId));
  return row;
}

/** The value at a (resolved) path of a row; null through a missing complex value. */
export function valueAt(row: Row, path: readonly string[]): RowValue {
  let value: RowValue = row;
  for (const name of path) {
    if (value === null || typeof value !== 'object') return null;
    value = value[name] ?? null;
  }
  return value;
}
