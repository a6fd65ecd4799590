import { NOT_SET_ACTIVITY_TYPE_ID } from '../domain/activity-types.js';
import { billableByDefault, type Target } from '../domain/targets.js';
import { hasOffset, offsetIn, offsetWrittenIn, toWholeSecond, wallClockInstant, type Zone } from '../domain/time.js';
import type { Worklog, WorklogDraft } from '../domain/worklog.js';
import { draftOf } from '../domain/worklog.js';
import type { NewWorklogInput, WorklogPatch } from '../contracts/worklogs.js';

/**
 * Where a start time lies and which offset its local day follows:
 * - an instant (`Z`, `+01:00`): as written; the day follows `timeZone`, else the written offset;
 * - 7pace's local time without an offset: in `timeZone`, else the user's zone (settings), else
 *   the worklog's own offset (a change) or UTC (a new worklog);
 * - no start (7pace: "DateTime.Now"): now.
 */
function placed(timestamp: string | undefined, zone: Zone | undefined, fallbackZone: Zone, now: Date) {
  const local = zone ?? fallbackZone;
  if (timestamp === undefined) return { start: toWholeSecond(now), utcOffsetMinutes: offsetIn(local, now) };
  if (!hasOffset(timestamp)) {
    const start = toWholeSecond(wallClockInstant(timestamp, local));
    return { start, utcOffsetMinutes: offsetIn(local, start) };
  }
  const start = toWholeSecond(new Date(timestamp));
  return { start, utcOffsetMinutes: zone === undefined ? offsetWrittenIn(timestamp) : offsetIn(zone, start) };
}

/** Whether the user's own zone decides where this input's start lies (then it is read from their settings). */
export const needsUserZone = (input: Pick<NewWorklogInput, 'timestamp' | 'timeZone'>) =>
  input.timeZone === undefined && (input.timestamp === undefined || !hasOffset(input.timestamp));

/** 7pace's "[Not Set]" id and `activityType: { id }` read as what they mean. */
function activityTypeOf(input: Pick<NewWorklogInput, 'activityTypeId' | 'activityType'>): string | null | undefined {
  const id = input.activityTypeId !== undefined ? input.activityTypeId : input.activityType === undefined ? undefined : (input.activityType?.id ?? null);
  return id?.toLowerCase() === NOT_SET_ACTIVITY_TYPE_ID ? null : id;
}

/** A new worklog as asked for; time on a target is billable as the target says unless the input says. */
export function draftFromInput(input: NewWorklogInput, userZone: string | null, now: Date, targets: readonly Target[] = []): WorklogDraft {
  const targetId = input.targetId ?? null;
  return {
    ...placed(input.timestamp, input.timeZone, userZone ?? 0, now),
    length: input.length,
    billableLength: input.billableLength ?? (billableByDefault(targets, targetId) ? input.length : 0),
    workItemId: input.workItemId ?? null,
    targetId,
    comment: input.comment?.trim() || null,
    activityTypeId: activityTypeOf(input) ?? null,
  };
}

/** An existing worklog with a patch applied; fields left out keep their values. */
export function draftWithPatch(worklog: Worklog, patch: WorklogPatch, userZone: string | null): WorklogDraft {
  const current = draftOf(worklog);
  let { start, utcOffsetMinutes } = current;
  if (patch.timestamp !== undefined) ({ start, utcOffsetMinutes } = placed(patch.timestamp, patch.timeZone, userZone ?? current.utcOffsetMinutes, start));
  else if (patch.timeZone !== undefined) utcOffsetMinutes = offsetIn(patch.timeZone, start);
  const length = patch.length ?? current.length;
  const activityTypeId = activityTypeOf(patch);
  return {
    start,
    length,
    // A shorter worklog cannot stay billable for longer than it lasts.
    billableLength: patch.billableLength ?? Math.min(current.billableLength, length),
    utcOffsetMinutes,
    workItemId: patch.workItemId === undefined ? current.workItemId : patch.workItemId,
    targetId: patch.targetId === undefined ? current.targetId : patch.targetId,
    comment: patch.comment === undefined ? current.comment : patch.comment?.trim() || null,
    activityTypeId: activityTypeId === undefined ? current.activityTypeId : activityTypeId,
  };
}
