import { STOP_REASONS } from '../domain/activity-check.js';
import { toWholeSecond } from '../domain/time.js';
import { userPartitions } from '../orgs/retention.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { stopRunningTracker } from './stop-tracking.js';
import { disarmTimer } from './tracker-timer.js';

type StopPorts = Pick<Ports, 'store' | 'queue' | 'newId' | 'clock'>;

/**
 * Uninstall: stops every running tracker of the org as a stop would, writing its worklog
 * with the reason 'Timehub was uninstalled', and cancels its timer. No notice is mailed.
 * Users are found as retention finds them. Idempotent: a user without a tracker is left alone.
 */
export async function stopOrgTrackers(ports: StopPorts, orgId: string) {
  let stopped = 0;
  for (const pk of await userPartitions(ports, orgId)) {
    if (await stopUninstalledTracker(ports, orgId, pk.slice(orgId.length + 1))) stopped++;
  }
  return stopped;
}

/** Stops the user's running tracker, if any, because the org was uninstalled; true when one was stopped. */
export async function stopUninstalledTracker(ports: StopPorts, orgId: string, userId: string) {
  const now = toWholeSecond(ports.clock.now());
  return commitToLedger(ports.store, orgId, userId, async (state) => {
    const tracker = state?.tracker;
    if (!tracker) return { done: false };
    const stopped = await stopRunningTracker(ports, orgId, tracker, now, STOP_REASONS.uninstalled);
    return { tracker: null, operations: stopped.operations, result: true, afterCommit: () => disarmTimer(ports, tracker) };
  });
}
