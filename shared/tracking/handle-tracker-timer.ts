import { scheduleBudgetCheck } from '../budgets/budget-thresholds.js';
import { settle } from '../domain/activity-check.js';
import { watchOf } from '../domain/tracker.js';
import type { DeliveredMessage } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger, type SystemStop } from '../worklogs/user-ledger.js';
import { queueStopNotice } from '../notices/queue-stop-notice.js';
import { installStateOf } from '../orgs/org-lifecycle.js';
import { loadOrganizationById } from '../orgs/organization.js';
import { stopUninstalledTracker } from './stop-org-trackers.js';
import { stopRunningTracker } from './stop-tracking.js';
import { armTimer, disarmTimer, trackerTimerMessage } from './tracker-timer.js';

/**
 * A tracker's timer fired: raise the due check, or stop the tracker when a check went
 * unanswered or it reached its maximum length. Safe to run any number of times: a
 * timer of a tracker that is gone or moved on does nothing, and a repeated stop only
 * makes sure its notice was queued. A timer of an uninstalled org raises no check and
 * mails nothing: a tracker that escaped the uninstall's sweep is stopped as uninstall does.
 */
export async function handleTrackerTimer(ports: Ports, message: DeliveredMessage) {
  const timer = trackerTimerMessage.parse(message.body);
  const org = await loadOrganizationById(ports, timer.orgId);
  if (org && installStateOf(org) === 'uninstalled') {
    await stopUninstalledTracker(ports, timer.orgId, timer.userId);
    return;
  }
  const now = ports.clock.now();
  const stop = await commitToLedger<SystemStop | null>(ports.store, timer.orgId, timer.userId, async (state) => {
    const tracker = state?.tracker;
    if (!tracker || tracker.id !== timer.trackerId) {
      return { done: state?.lastSystemStop?.trackerId === timer.trackerId ? state.lastSystemStop : null };
    }
    const outcome = settle(watchOf(tracker), now);
    if (outcome.kind === 'running') {
      // Raise a due check (it shows in `current`), and wake up again for what comes next.
      const armed = await armTimer(ports, timer.orgId, timer.userId, { ...tracker, watch: outcome.watch });
      if (armed.tracker === tracker) return { done: null };
      return {
        tracker: armed.tracker, operations: [], result: null, onAbandon: armed.abandon,
        // The timer in hand is usually the one scheduled: cancel only one that is still waiting.
        afterCommit: async () => {
          if (tracker.scheduled && tracker.scheduled.at !== timer.at && tracker.scheduled.handle !== armed.tracker.scheduled?.handle) {
            await disarmTimer(ports, tracker);
          }
        },
      };
    }
    const stopped = await stopRunningTracker(ports, timer.orgId, tracker, now);
    const systemStop: SystemStop = { trackerId: tracker.id, worklogId: stopped.worklog?.id ?? null, reason: outcome.reason };
    return { tracker: null, operations: stopped.operations, lastSystemStop: systemStop, result: systemStop };
  });
  if (!stop?.worklogId) return;
  await queueStopNotice(ports, timer.orgId, timer.userId, stop.worklogId);
  // The stop wrote time, off any request: budgets' thresholds follow it as they follow a request's write.
  await scheduleBudgetCheck(ports, timer.orgId);
}
