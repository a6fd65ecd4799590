import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readUserState } from '../worklogs/user-ledger.js';
import { trackingState } from './tracking-state.js';

/**
 * The caller's tracking state (7pace's `current`); `track` and `tracker` are null when idle.
 * Without `expand` it reads only the user state: it is the poll of every open tab.
 * With it, `settings` and the work item's details are filled in.
 */
export async function currentTracker(ports: Pick<Ports, 'store' | 'clock' | 'directory'>, caller: Caller, expand = false) {
  const state = await readUserState(ports.store, caller.orgId, caller.user.id);
  const tracker = state?.tracker ?? null;
  const now = ports.clock.now();
  if (!expand) return trackingState(tracker, now, { orgName: caller.orgName });
  const [activityTypes, [workItem]] = await Promise.all([
    activityTypesOf(ports, caller.orgId, caller.orgName),
    tracker?.workItemId ? ports.directory.workItems(caller.orgName, [tracker.workItemId]) : Promise.resolve([]),
  ]);
  return trackingState(tracker, now, { orgName: caller.orgName, user: caller.user, activityTypes, workItem });
}
