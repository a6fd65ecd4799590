import { watchFor } from '../domain/activity-check.js';
import { conflict } from '../domain/errors.js';
import { NOT_SET_ACTIVITY_TYPE_ID } from '../domain/activity-types.js';
import { addSeconds, isoSeconds, localDay, offsetIn, toWholeSecond } from '../domain/time.js';
import { trackerView, type Tracker } from '../domain/tracker.js';
import { findOverlap, type WorklogDraft } from '../domain/worklog.js';
import type { StartTrackingInput } from '../contracts/tracking.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesIn, loadOrganization, trackingPolicyOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { billableByDefault } from '../domain/targets.js';
import { targetsOf } from '../targets/org-targets.js';
import { commitToLedger, type BeforeCommit } from '../worklogs/user-ledger.js';
import { draftProblems, throwIfAny } from '../worklogs/worklog-checks.js';
import { assertWeeksOpen } from '../worklogs/week-lock-check.js';
import { worklogsAround } from '../worklogs/worklog-documents.js';
import { worklogView } from '../worklogs/worklog-view.js';
import { withSelection } from './selected-track.js';
import { stopRunningTracker } from './stop-tracking.js';
import { armTimer, disarmTimer } from './tracker-timer.js';
import { trackingState } from './tracking-state.js';

/**
 * Starts a tracker; one already running is stopped first, in the same commit. `takeSeat`
 * takes the caller's seat right before it (billing/write-gate.ts).
 */
export async function startTracking(ports: Ports, caller: Caller, asked: StartTrackingInput, takeSeat?: BeforeCommit) {
  const input = await withSelection(ports, caller, asked);
  const org = await loadOrganization(ports, caller.orgId, caller.orgName);
  const activityTypes = activityTypesIn(org);
  const targets = await targetsOf(ports.store, caller.orgId);
  const targetId = input.targetId ?? null;
  const now = toWholeSecond(ports.clock.now());
  const probe: WorklogDraft = {
    start: now, length: 1, billableLength: 0, utcOffsetMinutes: 0, workItemId: input.workItemId, targetId,
    comment: null, activityTypeId: chosenType(input.activityTypeId),
  };
  throwIfAny(await draftProblems(ports, caller, [probe], { activityTypes, targets }));
  const fresh: Omit<Tracker, 'id'> = {
    orgName: caller.orgName,
    user: caller.user,
    workItemId: input.workItemId,
    targetId,
    startTimestamp: isoSeconds(now),
    activityTypeId: chosenType(input.activityTypeId) ?? activityTypes.find((a) => a.isDefault)?.id ?? null,
    comment: input.remark?.trim() || null,
    isBillable: input.isBillable ?? billableByDefault(targets, targetId),
    utcOffsetMinutes: input.timeZone === undefined ? 0 : offsetIn(input.timeZone, now),
    timeZone: typeof input.timeZone === 'string' ? input.timeZone : null,
    watch: watchFor(trackingPolicyOf(org), now),
    scheduled: null,
  };
  return commitToLedger(ports.store, caller.orgId, caller.user.id, async (state) => {
    // Its worklog would land in a locked week (approvals): refuse now, not at the stop.
    assertWeeksOpen(state?.locks, [{ day: localDay(now, fresh.utcOffsetMinutes) }]);
    const running = state?.tracker;
    const stopped = running ? await stopRunningTracker(ports, caller.orgId, running, now) : undefined;
    const around = await worklogsAround(ports.store, caller.orgId, caller.user.id, now, addSeconds(now, 1));
    const covering = findOverlap(now, addSeconds(now, 1), around);
    if (covering) {
      throw conflict('tracking.overlaps_worklog', `worklog ${covering.id} already covers ${covering.timestamp} to ${covering.endTimestamp}`);
    }
    const armed = await armTimer(ports, caller.orgId, caller.user.id, { ...fresh, id: ports.newId() });
    return {
      tracker: armed.tracker,
      operations: stopped?.operations ?? [],
      result: {
        ...trackingState(armed.tracker, now, { orgName: caller.orgName, user: caller.user, activityTypes }),
        tracker: trackerView(armed.tracker, now),
        stoppedWorklog: stopped?.worklog ? worklogView(stopped.worklog, activityTypes) : null,
      },
      afterCommit: () => disarmTimer(ports, running),
      onAbandon: armed.abandon,
      beforeCommit: takeSeat,
    };
  });
}

/** 7pace's "[Not Set]" id asks for no particular type, like leaving it out. */
export const chosenType = (id: string | null | undefined) => (!id || id.toLowerCase() === NOT_SET_ACTIVITY_TYPE_ID ? null : id);
