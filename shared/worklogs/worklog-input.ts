import { offsetOf, offsetWrittenIn, toWholeSecond } from '../domain/time.js';
import type { Worklog, WorklogDraft } from '../domain/worklog.js';
import { draftOf } from '../domain/worklog.js';
import type { NewWorklogInput, WorklogPatch } from '../contracts/worklogs.js';

/** A new worklog as asked for: the local day follows timeZone, else the offset written in timestamp. */
export function draftFromInput(input: NewWorklogInput): WorklogDraft {
  const start = toWholeSecond(new Date(input.timestamp));
  return {
    start,
    length: input.length,
    billableLength: input.billableLength ?? input.length,
    utcOffsetMinutes: input.timeZone ? offsetOf(input.timeZone, start) : offsetWrittenIn(input.timestamp),
    workItemId: input.workItemId ?? null,
    comment: input.comment?.trim() || null,
    activityTypeId: input.activityTypeId ?? null,
  };
}

/** An existing worklog with a patch applied; fields left out keep their values. */
export function draftWithPatch(worklog: Worklog, patch: WorklogPatch): WorklogDraft {
  const current = draftOf(worklog);
  const start = patch.timestamp ? toWholeSecond(new Date(patch.timestamp)) : current.start;
  const length = patch.length ?? current.length;
  let utcOffsetMinutes = current.utcOffsetMinutes;
  if (patch.timeZone) utcOffsetMinutes = offsetOf(patch.timeZone, start);
  else if (patch.timestamp) utcOffsetMinutes = offsetWrittenIn(patch.timestamp);
  return {
    start,
    length,
    // A shorter worklog cannot stay billable for longer than it lasts.
    billableLength: patch.billableLength ?? Math.min(current.billableLength, length),
    utcOffsetMinutes,
    workItemId: patch.workItemId === undefined ? current.workItemId : patch.workItemId,
    comment: patch.comment === undefined ? current.comment : patch.comment?.trim() || null,
    activityTypeId: patch.activityTypeId === undefined ? current.activityTypeId : patch.activityTypeId,
  };
}
