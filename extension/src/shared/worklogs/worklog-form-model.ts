import { NOT_SET_ACTIVITY_TYPE_ID } from '../../../../shared/domain/activity-types.js';
import type { NewWorklogRequest, WorklogView } from '../api-types.js';
import { browserTimeZone, hoursLabel, localDayOf, localInstant, localTimeOf, parseDuration } from '../format.js';

/** What the worklog form edits: text as typed, turned into a request only on save. */
export interface WorklogFormValues {
  workItemText: string;
  day: string;
  mode: 'timeframe' | 'duration';
  start: string;
  end: string;
  duration: string;
  comment: string;
  activityTypeId?: string;
  /** An internal target instead of a work item. */
  targetId?: string;
  billable: boolean;
}

export function newWorklogValues(day: string, workItemId?: number | null, target?: { id: string; isBillable: boolean }): WorklogFormValues {
  return {
    workItemText: workItemId ? String(workItemId) : '', day, mode: 'timeframe',
    start: '09:00', end: '10:00', duration: hoursLabel(3600), comment: '', targetId: target?.id, billable: target?.isBillable ?? true,
  };
}

export function editWorklogValues(worklog: WorklogView): WorklogFormValues {
  const start = new Date(worklog.timestamp);
  const end = new Date(start.getTime() + worklog.length * 1000);
  return {
    workItemText: worklog.workItemId ? String(worklog.workItemId) : '',
    day: localDayOf(start), mode: 'timeframe', start: localTimeOf(start), end: localTimeOf(end),
    duration: hoursLabel(worklog.length), comment: worklog.comment ?? '',
    activityTypeId: worklog.activityType?.id === NOT_SET_ACTIVITY_TYPE_ID ? undefined : worklog.activityType?.id,
    targetId: worklog.targetId ?? undefined, billable: worklog.billableLength > 0,
  };
}

export type FormResult = { ok: true; request: NewWorklogRequest } | { ok: false; problem: string };

/** The request for the API, or what is wrong with the form before asking the server. */
export function toWorklogRequest(values: WorklogFormValues, fixedWorkItemId?: number): FormResult {
  const workItemText = values.workItemText.trim().replace(/^#/, '');
  if (fixedWorkItemId === undefined && workItemText && !/^\d+$/.test(workItemText)) return { ok: false, problem: 'The work item must be a number, e.g. 12.' };
  const targetId = fixedWorkItemId === undefined ? (values.targetId ?? null) : null;
  if (targetId !== null && workItemText) return { ok: false, problem: 'Time goes on a work item or a target, not both.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.day)) return { ok: false, problem: 'Pick a day.' };
  if (!/^\d{2}:\d{2}$/.test(values.start)) return { ok: false, problem: 'Give a start time.' };
  const length = values.mode === 'timeframe' ? timeframeSeconds(values.start, values.end) : parseDuration(values.duration);
  if (length === undefined || length <= 0) {
    return { ok: false, problem: values.mode === 'timeframe' ? 'The end must be after the start.' : 'Give a duration such as 1:30, 1.5 or 45m.' };
  }
  return {
    ok: true,
    request: {
      timestamp: localInstant(values.day, values.start),
      length,
      billableLength: values.billable ? length : 0,
      workItemId: fixedWorkItemId ?? (workItemText ? Number(workItemText) : null),
      targetId,
      comment: values.comment.trim() || null,
      activityTypeId: values.activityTypeId ?? null,
      timeZone: browserTimeZone(),
    },
  };
}

function timeframeSeconds(start: string, end: string): number | undefined {
  if (!/^\d{2}:\d{2}$/.test(end)) return undefined;
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  return (minutes(end) - minutes(start)) * 60;
}
