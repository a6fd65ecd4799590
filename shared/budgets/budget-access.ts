import { forbidden } from '../domain/errors.js';
import { can, deniedMessage } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import type { DocumentStore } from '../ports/document-store.js';
import { readUserWorkItemTotals } from './work-item-totals.js';

/**
 * Who sees which budgets: Administrators, Budget and Product managers and Team leads see
 * every budget; Members only those covering work items they tracked time on. Answers the
 * set of work items a Member tracked, or undefined for those who see everything.
 */
export async function trackedByMember(store: DocumentStore, caller: Caller): Promise<ReadonlySet<number> | undefined> {
  if (caller.access && can(caller.access, 'budgets:read')) return undefined;
  return new Set((await readUserWorkItemTotals(store, caller.orgId, caller.user.id)).keys());
}

/** 403 unless a Member tracked time on one of `workItemIds`. */
export function assertTrackedOne(caller: Caller, tracked: ReadonlySet<number> | undefined, workItemIds: Iterable<number>) {
  if (!tracked) return;
  for (const id of workItemIds) if (tracked.has(id)) return;
  const access = caller.access ?? { role: 'member' as const, teams: [], billingAdmin: false };
  throw forbidden(deniedMessage('budgets:read', access, "a budget of work items you did not track time on"));
}
