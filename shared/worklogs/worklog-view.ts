import type { ActivityType } from '../domain/activity-types.js';
import type { Worklog } from '../domain/worklog.js';
import { sevenPaceActivityType } from '../settings/activity-type-view.js';

/** The public shape of a worklog, named after 7pace's REST API v3. */
export function worklogView(worklog: Worklog, activityTypes: readonly ActivityType[]) {
  const activityType = activityTypes.find((a) => a.id === worklog.activityTypeId);
  return {
    id: worklog.id,
    timestamp: worklog.timestamp,
    length: worklog.length,
    billableLength: worklog.billableLength,
    workItemId: worklog.workItemId,
    comment: worklog.comment,
    activityType: activityType ? sevenPaceActivityType(activityType) : null,
    user: worklog.user,
    addedByUser: worklog.addedByUser,
    createdTimestamp: worklog.createdTimestamp,
    editedTimestamp: worklog.editedTimestamp,
    editedByUser: worklog.editedByUser ?? null,
    utcOffsetMinutes: worklog.utcOffsetMinutes,
    localDay: worklog.localDay,
    flags: worklog.flags,
    stopReason: worklog.stopReason,
  };
}

export type WorklogView = ReturnType<typeof worklogView>;
