import { trackerView } from '../domain/tracker.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { readUserState } from '../worklogs/user-ledger.js';

/** The caller's running tracker, or null when idle. */
export async function currentTracker(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller) {
  const state = await readUserState(ports.store, caller.orgId, caller.user.id);
  return state?.tracker ? trackerView(state.tracker, ports.clock.now()) : null;
}
