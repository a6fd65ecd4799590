import { DEFAULT_TRACKING_POLICY, pendingCheck, settle, watchFor, type TrackerWatch } from './activity-check.js';
import { MAX_WORKLOG_SECONDS, secondsBetween } from './time.js';
import type { UserRef, WorklogDraft } from './worklog.js';

/** A running tracker. A user has at most one. */
export interface Tracker {
  /** New on every start, so that timer messages of an earlier tracker are recognised as stale. */
  id: string;
  orgName: string;
  user: UserRef;
  /** The work item tracked, or null when the tracker runs on a target. */
  workItemId: number | null;
  /** An internal target instead of a work item; absent on trackers started before targets. */
  targetId?: string | null;
  startTimestamp: string;
  activityTypeId: string | null;
  comment: string | null;
  isBillable: boolean;
  utcOffsetMinutes: number;
  timeZone: string | null;
  watch: TrackerWatch;
  /** The queue message that wakes the server for the next event of `watch`. */
  scheduled: { handle: string; at: string } | null;
}

/** Trackers stored before activity checks existed get the default watch. */
export function watchOf(tracker: Tracker): TrackerWatch {
  return tracker.watch ?? watchFor(DEFAULT_TRACKING_POLICY, new Date(tracker.startTimestamp));
}

export function elapsedSeconds(tracker: Tracker, now: Date): number {
  return Math.max(0, secondsBetween(new Date(tracker.startTimestamp), now));
}

/**
 * The worklog a tracker leaves when it stops at `stopAt`. It never runs into the next
 * worklog (`nextStart`, e.g. one entered by hand for later), so tracked time cannot
 * overlap, and never past the longest worklog allowed. Undefined when less than a
 * second was tracked.
 */
export function trackedDraft(tracker: Tracker, stopAt: Date, nextStart?: Date): WorklogDraft | undefined {
  const start = new Date(tracker.startTimestamp);
  const end = nextStart && nextStart < stopAt ? nextStart : stopAt;
  const length = Math.min(secondsBetween(start, end), MAX_WORKLOG_SECONDS);
  if (length < 1) return undefined;
  return {
    start,
    length,
    billableLength: tracker.isBillable ? length : 0,
    utcOffsetMinutes: tracker.utcOffsetMinutes,
    workItemId: tracker.workItemId,
    targetId: tracker.targetId ?? null,
    comment: tracker.comment,
    activityTypeId: tracker.activityTypeId,
  };
}

export function trackerView(tracker: Tracker, now: Date) {
  const outcome = settle(watchOf(tracker), now);
  return {
    workItemId: tracker.workItemId,
    targetId: tracker.targetId ?? null,
    startTimestamp: tracker.startTimestamp,
    elapsedSeconds: elapsedSeconds(tracker, now),
    activityTypeId: tracker.activityTypeId,
    comment: tracker.comment,
    isBillable: tracker.isBillable,
    timeZone: tracker.timeZone,
    activityCheck: outcome.kind === 'running' ? pendingCheck(outcome.watch) : null,
  };
}
