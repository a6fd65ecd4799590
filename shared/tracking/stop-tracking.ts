import { conflict } from '../domain/errors.js';
import { toWholeSecond } from '../domain/time.js';
import { trackedDraft, type Tracker } from '../domain/tracker.js';
import { buildWorklog } from '../domain/worklog.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { BatchOperation } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { firstWorklogStarting, toDoc } from '../worklogs/worklog-documents.js';
import { worklogView } from '../worklogs/worklog-view.js';

/** Stops the caller's tracker and writes its worklog (flagged isTracked). */
export async function stopTracking(ports: Ports, caller: Caller) {
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const now = toWholeSecond(ports.clock.now());
  return commitToLedger(ports.store, caller.orgId, caller.user.id, async (state) => {
    if (!state?.tracker) throw conflict('tracking.not_running', 'no tracker is running, so there is nothing to stop');
    const stopped = await stopRunningTracker(ports, caller, state.tracker, now);
    return {
      tracker: null,
      operations: stopped.operations,
      result: stopped.worklog ? worklogView(stopped.worklog, activityTypes) : null,
    };
  });
}

/**
 * The worklog a running tracker leaves at `now`, ending where a later worklog begins.
 * Less than one second of tracking leaves none.
 */
export async function stopRunningTracker(ports: Ports, caller: Caller, tracker: Tracker, now: Date) {
  const next = await firstWorklogStarting(ports.store, caller.orgId, caller.user.id, new Date(tracker.startTimestamp), now);
  const draft = trackedDraft(tracker, toWholeSecond(now), next ? new Date(next.timestamp) : undefined);
  if (!draft) return { worklog: undefined, operations: [] as BatchOperation[] };
  const worklog = buildWorklog(
    draft,
    { id: ports.newId(), user: caller.user, addedByUser: caller.user },
    { isTracked: true, isManuallyEntered: false, isChanged: false },
    now,
  );
  return { worklog, operations: [{ op: 'create', doc: toDoc(caller.orgId, worklog) }] as BatchOperation[] };
}
