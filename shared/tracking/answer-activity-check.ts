import { answered, settle } from '../domain/activity-check.js';
import { AppError, conflict } from '../domain/errors.js';
import { toWholeSecond } from '../domain/time.js';
import { watchOf, type Tracker } from '../domain/tracker.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { stopRunningTracker } from './stop-tracking.js';
import { armTimer, disarmTimer } from './tracker-timer.js';
import { trackingState, type TrackingState } from './tracking-state.js';

/** When the next check comes, given the tracker and the answer's instant; left out: one interval from now. */
export type NextCheck = (tracker: Tracker, now: Date) => Date;

/**
 * "Still working": the tracker goes on and the next check counts from now (or comes at
 * `nextCheck`, when postponed). An answer after the deadline is too late: the tracker is
 * stopped as the server would have.
 */
export async function answerActivityCheck(ports: Ports, caller: Caller, nextCheck?: NextCheck) {
  const now = toWholeSecond(ports.clock.now());
  const outcome = await commitToLedger<{ tooLate: string | null; view: TrackingState | null }>(ports.store, caller.orgId, caller.user.id, async (state) => {
    const tracker = state?.tracker;
    if (!tracker) throw conflict('tracking.not_running', 'no tracker is running, so there is no activity check to answer or postpone');
    const settled = settle(watchOf(tracker), now);
    if (settled.kind === 'stop') {
      const stopped = await stopRunningTracker(ports, caller.orgId, tracker, now);
      return {
        tracker: null,
        operations: stopped.operations,
        lastSystemStop: { trackerId: tracker.id, worklogId: stopped.worklog?.id ?? null, reason: settled.reason },
        result: { tooLate: settled.reason, view: null },
        afterCommit: () => disarmTimer(ports, tracker),
      };
    }
    const armed = await armTimer(ports, caller.orgId, caller.user.id, { ...tracker, watch: answered(settled.watch, now, nextCheck?.(tracker, now)) });
    return {
      tracker: armed.tracker,
      operations: [],
      result: { tooLate: null, view: trackingState(armed.tracker, now, { orgName: caller.orgName }) },
      afterCommit: async () => {
        if (armed.tracker.scheduled?.handle !== tracker.scheduled?.handle) await disarmTimer(ports, tracker);
      },
      onAbandon: armed.abandon,
    };
  });
  if (outcome.tooLate) {
    throw new AppError(409, 'tracking.check_expired', `the answer came too late: the tracker was stopped (${outcome.tooLate})`);
  }
  return outcome.view;
}
