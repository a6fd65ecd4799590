import type { ErrorDetail } from './errors.js';
import { MAX_WORKLOG_SECONDS, SECONDS_PER_DAY, addSeconds, isoSeconds, localDay } from './time.js';

export interface UserRef {
  id: string;
  name: string;
  uniqueName: string;
}

export interface WorklogFlags {
  isTracked: boolean;
  isManuallyEntered: boolean;
  isChanged: boolean;
  isBillable: boolean;
}

export interface Worklog {
  id: string;
  userId: string;
  user: UserRef;
  addedByUser: UserRef;
  /** Start, UTC, whole seconds. */
  timestamp: string;
  endTimestamp: string;
  length: number;
  billableLength: number;
  utcOffsetMinutes: number;
  /** The day the worklog starts on, in the user's offset at that time. */
  localDay: string;
  workItemId: number | null;
  /** An internal target (vacation, meetings, ...) instead of a work item; never both. */
  targetId: string | null;
  comment: string | null;
  activityTypeId: string | null;
  createdTimestamp: string;
  editedTimestamp: string | null;
  /** Who last changed it (an Administrator may change other users' worklogs); absent before any edit. */
  editedByUser?: UserRef | null;
  flags: WorklogFlags;
  /** Why the server stopped the tracker that left this worklog; null otherwise. */
  stopReason: string | null;
}

/** What a user asks for; the rest of a worklog is derived. */
export interface WorklogDraft {
  start: Date;
  length: number;
  billableLength: number;
  utcOffsetMinutes: number;
  workItemId: number | null;
  targetId: string | null;
  comment: string | null;
  activityTypeId: string | null;
}

export interface Interval {
  id: string;
  timestamp: string;
  endTimestamp: string;
  workItemId?: number | null;
}

/** The rules every worklog obeys, whoever writes it. Returns what is wrong, if anything. */
export function checkDraft(draft: WorklogDraft, now: Date): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!Number.isInteger(draft.length) || draft.length < 1 || draft.length > MAX_WORKLOG_SECONDS) {
    problems.push({ path: 'length', code: 'worklog.length_out_of_range', message: 'length must be 1 to 86400 seconds (24 hours)' });
  }
  if (draft.billableLength < 0 || draft.billableLength > draft.length) {
    problems.push({ path: 'billableLength', code: 'worklog.billable_out_of_range', message: 'billableLength must be between 0 and length' });
  }
  if (draft.workItemId !== null && draft.targetId !== null) {
    problems.push({ path: 'targetId', code: 'worklog.work_item_and_target', message: 'a worklog has a work item or a target, not both' });
  }
  if (draft.workItemId === null && draft.targetId === null && !draft.comment?.trim()) {
    problems.push({ path: 'workItemId', code: 'worklog.needs_work_item_or_comment', message: 'a worklog needs a workItemId, a targetId or a comment' });
  }
  if (draft.start.getTime() > addSeconds(now, SECONDS_PER_DAY).getTime()) {
    problems.push({ path: 'timestamp', code: 'worklog.too_far_in_future', message: 'timestamp may be at most one day in the future' });
  }
  return problems;
}

export function endOf(draft: Pick<WorklogDraft, 'start' | 'length'>): Date {
  return addSeconds(draft.start, draft.length);
}

/** The first interval among `others` that shares any time with [start, end). */
export function findOverlap(start: Date, end: Date, others: readonly Interval[], ignoreId?: string): Interval | undefined {
  const from = isoSeconds(start);
  const to = isoSeconds(end);
  return others.find((other) => other.id !== ignoreId && other.timestamp < to && other.endTimestamp > from);
}

/** The fields of a worklog that follow from what the user asked for. */
function fieldsOf(draft: WorklogDraft) {
  return {
    timestamp: isoSeconds(draft.start),
    endTimestamp: isoSeconds(endOf(draft)),
    length: draft.length,
    billableLength: draft.billableLength,
    utcOffsetMinutes: draft.utcOffsetMinutes,
    localDay: localDay(draft.start, draft.utcOffsetMinutes),
    workItemId: draft.workItemId,
    targetId: draft.targetId,
    comment: draft.comment,
    activityTypeId: draft.activityTypeId,
  };
}

/** A worklog changed to `draft` by `editor`: flagged isChanged, the rest kept. */
export function changedWorklog(worklog: Worklog, draft: WorklogDraft, editor: UserRef, now: Date): Worklog {
  return {
    ...worklog,
    ...fieldsOf(draft),
    editedTimestamp: isoSeconds(now),
    editedByUser: editor,
    flags: { ...worklog.flags, isChanged: true, isBillable: draft.billableLength > 0 },
  };
}

export function buildWorklog(
  draft: WorklogDraft,
  ids: { id: string; user: UserRef; addedByUser: UserRef },
  flags: Omit<WorklogFlags, 'isBillable'>,
  now: Date,
): Worklog {
  return {
    id: ids.id,
    userId: ids.user.id,
    user: ids.user,
    addedByUser: ids.addedByUser,
    ...fieldsOf(draft),
    createdTimestamp: isoSeconds(now),
    editedTimestamp: null,
    flags: { ...flags, isBillable: draft.billableLength > 0 },
    stopReason: null,
  };
}

export function draftOf(worklog: Worklog): WorklogDraft {
  return {
    start: new Date(worklog.timestamp),
    length: worklog.length,
    billableLength: worklog.billableLength,
    utcOffsetMinutes: worklog.utcOffsetMinutes,
    workItemId: worklog.workItemId,
    targetId: worklog.targetId,
    comment: worklog.comment,
    activityTypeId: worklog.activityTypeId,
  };
}
