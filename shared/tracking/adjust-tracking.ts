import type { AdjustTrackingInput } from '../contracts/tracking.js';
import { conflict } from '../domain/errors.js';
import { toWholeSecond } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { targetsOf } from '../targets/org-targets.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { draftProblems, throwIfAny } from '../worklogs/worklog-checks.js';
import { chosenType } from './start-tracking.js';
import { trackingState } from './tracking-state.js';

/**
 * 7pace's `adjust`: changes the running track's remark and activity type (fields left out
 * keep theirs; "[Not Set]" goes back to the default type). 409 when no tracker runs.
 */
export async function adjustTracking(ports: Ports, caller: Caller, input: AdjustTrackingInput) {
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const targets = await targetsOf(ports.store, caller.orgId);
  const now = toWholeSecond(ports.clock.now());
  return commitToLedger(ports.store, caller.orgId, caller.user.id, async (state) => {
    const tracker = state?.tracker;
    if (!tracker) throw conflict('tracking.not_running', 'no tracker is running, so there is nothing to adjust');
    const activityTypeId = input.activityTypeId === undefined ? tracker.activityTypeId : (chosenType(input.activityTypeId) ?? activityTypes.find((a) => a.isDefault)?.id ?? null);
    const targetId = tracker.targetId ?? null;
    const probe = { start: now, length: 1, billableLength: 0, utcOffsetMinutes: 0, workItemId: tracker.workItemId, targetId, comment: null, activityTypeId };
    throwIfAny(await draftProblems(ports, caller, [probe], { activityTypes, targets }, { activityTypeId: tracker.activityTypeId, targetId }));
    const comment = input.remark === undefined ? tracker.comment : input.remark?.trim() || null;
    const adjusted = { ...tracker, activityTypeId, comment };
    return { tracker: adjusted, operations: [], result: trackingState(adjusted, now, { orgName: caller.orgName, user: caller.user, activityTypes }) };
  });
}
