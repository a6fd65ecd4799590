import type { ActivityType } from '../domain/activity-types.js';
import { wallClockAt } from '../domain/time.js';
import type { Worklog } from '../domain/worklog.js';
import { sevenPaceUser } from '../users/user-view.js';
import { NOT_SET_ACTIVITY_TYPE, sevenPaceActivityType } from '../settings/activity-type-view.js';

/** The public shape of a worklog, named after 7pace's REST API v3. */
export function worklogView(worklog: Worklog, activityTypes: readonly ActivityType[]) {
  const activityType = activityTypes.find((a) => a.id === worklog.activityTypeId);
  return {
    id: worklog.id,
    timestamp: worklog.timestamp,
    length: worklog.length,
    billableLength: worklog.billableLength,
    workItemId: worklog.workItemId,
    /** Timehub's internal target (GET /rest/targets), null for time on a work item or none. */
    targetId: worklog.targetId,
    comment: worklog.comment,
    // 7pace shows a worklog without a type as its "[Not Set]" pseudo-type.
    activityType: activityType ? sevenPaceActivityType(activityType) : NOT_SET_ACTIVITY_TYPE,
    user: sevenPaceUser(worklog.user),
    addedByUser: sevenPaceUser(worklog.addedByUser),
    createdTimestamp: worklog.createdTimestamp,
    editedTimestamp: worklog.editedTimestamp,
    editedByUser: worklog.editedByUser ? sevenPaceUser(worklog.editedByUser) : null,
    utcOffsetMinutes: worklog.utcOffsetMinutes,
    /** The start as 7pace writes it: local wall-clock time without an offset. */
    localTimestamp: wallClockAt(new Date(worklog.timestamp), worklog.utcOffsetMinutes),
    localDay: worklog.localDay,
    flags: worklog.flags,
    stopReason: worklog.stopReason,
  };
}

export type WorklogView = ReturnType<typeof worklogView>;
