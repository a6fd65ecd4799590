import { settle, type StopReason } from '../domain/activity-check.js';
import { conflict } from '../domain/errors.js';
import { toWholeSecond } from '../domain/time.js';
import { trackedDraft, watchOf, type Tracker } from '../domain/tracker.js';
import { buildWorklog, type Worklog } from '../domain/worklog.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { BatchOperation } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { firstWorklogStarting, toDoc } from '../worklogs/worklog-documents.js';
import { worklogView } from '../worklogs/worklog-view.js';
import { disarmTimer } from './tracker-timer.js';
import { trackingState } from './tracking-state.js';

/** Stops the caller's tracker and writes its worklog (flagged isTracked), answered as `stoppedWorklog` beside the (idle) state. */
export async function stopTracking(ports: Ports, caller: Caller) {
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const now = toWholeSecond(ports.clock.now());
  return commitToLedger(ports.store, caller.orgId, caller.user.id, async (state) => {
    if (!state?.tracker) throw conflict('tracking.not_running', 'no tracker is running, so there is nothing to stop');
    const tracker = state.tracker;
    const stopped = await stopRunningTracker(ports, caller.orgId, tracker, now);
    return {
      tracker: null,
      operations: stopped.operations,
      // The worklog first: flat readers (scripts/curl-demo.sh) take its `id`, not a type's.
      result: {
        stoppedWorklog: stopped.worklog ? worklogView(stopped.worklog, activityTypes) : null,
        ...trackingState(null, now, { orgName: caller.orgName, user: caller.user, activityTypes }),
      },
      afterCommit: () => disarmTimer(ports, tracker),
    };
  });
}

export interface StoppedTracker {
  worklog: Worklog | undefined;
  operations: BatchOperation[];
  reason: StopReason | null;
}

/**
 * The worklog a running tracker leaves when stopped at `now`. Where the server should
 * already have stopped it (an unanswered check, the maximum length), it ends then, with
 * the reason; otherwise it ends at `now` with `stopReason` (null for the user's own stop).
 * It never runs into a later worklog; under a second of tracking leaves none.
 */
export async function stopRunningTracker(
  ports: Pick<Ports, 'store' | 'newId'>,
  orgId: string,
  tracker: Tracker,
  now: Date,
  stopReason: StopReason | null = null,
): Promise<StoppedTracker> {
  const outcome = settle(watchOf(tracker), now);
  const stopAt = outcome.kind === 'stop' ? outcome.at : now;
  const reason = outcome.kind === 'stop' ? outcome.reason : stopReason;
  const next = await firstWorklogStarting(ports.store, orgId, tracker.user.id, new Date(tracker.startTimestamp), stopAt);
  const draft = trackedDraft(tracker, toWholeSecond(stopAt), next ? new Date(next.timestamp) : undefined);
  if (!draft) return { worklog: undefined, operations: [], reason };
  const worklog: Worklog = {
    ...buildWorklog(
      draft,
      { id: ports.newId(), user: tracker.user, addedByUser: tracker.user },
      { isTracked: true, isManuallyEntered: false, isChanged: false },
      now,
    ),
    stopReason: reason,
  };
  return { worklog, operations: [{ op: 'create', doc: toDoc(orgId, worklog) }], reason };
}
