import { settle } from '../domain/activity-check.js';
import { NOT_SET_ACTIVITY_TYPE_ID, type ActivityType } from '../domain/activity-types.js';
import { secondsBetween, wallClockAt } from '../domain/time.js';
import { elapsedSeconds, trackerView, watchOf, type Tracker } from '../domain/tracker.js';
import type { UserRef } from '../domain/worklog.js';
import type { WorkItem } from '../ports/devops-directory.js';
import { activityTypeList } from '../settings/activity-type-view.js';
import { trackingWorkItem } from './search-work-items.js';

/** T1's trackingState: 0 tracking, 3 waiting for an answer to an activity check. */
const TRACKING = 0;
const ACTIVITY_CHECK = 3;

/** What an answer knows beyond the tracker: the org's types and the caller (settings), the work item's details. */
export interface StateDetails {
  orgName: string;
  user?: UserRef;
  activityTypes?: readonly ActivityType[];
  workItem?: WorkItem;
}

/** 7pace's `track`: lengths in seconds, times as the user's local wall clock (no offset), the zone in minutes. */
function sevenPaceTrack(tracker: Tracker, now: Date, details: StateDetails) {
  const outcome = settle(watchOf(tracker), now);
  const raisedAt = outcome.kind === 'running' ? outcome.watch.raisedAt : null;
  const respondBy = raisedAt && outcome.kind === 'running' ? new Date(Date.parse(raisedAt) + outcome.watch.waitingSeconds * 1000) : null;
  const started = wallClockAt(new Date(tracker.startTimestamp), tracker.utcOffsetMinutes);
  return {
    tfsId: tracker.workItemId,
    remark: tracker.comment,
    activityTypeId: tracker.activityTypeId ?? NOT_SET_ACTIVITY_TYPE_ID,
    workItem: details.workItem ? trackingWorkItem(details.orgName, details.workItem) : tracker.workItemId === null ? null : { id: tracker.workItemId },
    trackingState: raisedAt ? ACTIVITY_CHECK : TRACKING,
    stoppedTrackType: 0,
    activityCheck: { isRunning: raisedAt !== null, secondsLeft: respondBy ? Math.max(0, secondsBetween(now, respondBy)) : null },
    currentTrackLength: elapsedSeconds(tracker, now),
    // Totals are not computed here (they would cost a query on every poll): see the timesheet.
    totalMeTodayLength: null,
    totalMeLength: null,
    totalTeamLength: null,
    trackAdjustmentLength: 0,
    currentTrackStartedDateTime: started,
    trackStatusChangeDate: raisedAt ? wallClockAt(new Date(raisedAt), tracker.utcOffsetMinutes) : started,
    trackTimeZone: tracker.utcOffsetMinutes,
  };
}

function sevenPaceSettings(now: Date, details: StateDetails) {
  if (!details.activityTypes || !details.user) return null;
  const list = activityTypeList(details.activityTypes);
  return {
    activityType: {
      isEnabled: list.enabled,
      defaultActivity: list.systemDefaultActivityTypeId,
      activityTypes: list.activityTypes.map((type) => ({
        id: type.id, color: type.color, name: type.name, isDefault: type.isDefault, isNotSet: type.id === NOT_SET_ACTIVITY_TYPE_ID,
      })),
    },
    userInfo: {
      userId: details.user.id, userName: details.user.name, userUniqueName: details.user.uniqueName, encodedImage: null,
      applicationVersion: null, teamServicesUrl: `https://dev.azure.com/${encodeURIComponent(details.orgName)}`, projectId: null,
    },
    timestamp: now.toISOString(),
  };
}

/**
 * 7pace's `TrackingStateModel {track, trackSettings, settings}`, the answer of every call
 * that reads or changes the tracker. `settings` is filled where the answer has read the
 * org's activity types anyway (or `current` is asked with `$expand`), so the poll of every
 * tab stays one read. `tracker` is Timehub's own view of the same tracker, which its UI reads.
 */
export function trackingState(tracker: Tracker | null, now: Date, details: StateDetails) {
  return {
    track: tracker ? sevenPaceTrack(tracker, now, details) : null,
    trackSettings: { isTrackingStartAllowed: true, responseState: 'OK' as const, responseMessage: null },
    settings: sevenPaceSettings(now, details),
    tracker: tracker ? trackerView(tracker, now) : null,
  };
}
export type TrackingState = ReturnType<typeof trackingState>;
