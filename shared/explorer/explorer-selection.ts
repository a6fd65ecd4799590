import { forbidden } from '../domain/errors.js';
import { deniedMessage, scopeOf } from '../domain/roles.js';
import { isoSeconds } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import type { Condition, Query } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { visibleUserIds } from '../roles/time-access.js';
import { userPartition } from '../worklogs/user-ledger.js';

/** Which worklogs the grid or a bulk action means, in the store's terms (lists already split). */
export interface WorklogSelection {
  from?: string;
  to?: string;
  userIds?: readonly string[];
  workItemIds?: readonly number[];
  activityTypeIds?: readonly string[];
  billable?: boolean;
  tracked?: boolean;
  edited?: boolean;
}

/**
 * Narrows the users a selection asks for to those the caller may read: Members their own,
 * Team leads their teams' (and their own), managers and Administrators everyone's. Asking
 * for someone outside is 403 rather than a silently smaller answer.
 */
export async function usersInReach(ports: Pick<Ports, 'store'>, caller: Caller, requested: readonly string[] | undefined) {
  const access = caller.access ?? { role: 'member' as const, teams: [], billingAdmin: false };
  const scope = scopeOf(access, 'read');
  if (scope === 'all') return requested;
  const reach = scope === 'team' ? ((await visibleUserIds(ports, caller)) ?? []) : [caller.user.id];
  const outside = (requested ?? []).filter((id) => !reach.includes(id));
  if (outside.length > 0) {
    const needed = scope === 'team' ? 'worklogs:read:all' : 'worklogs:read:team';
    throw forbidden(deniedMessage(needed, access, `reading the time of ${outside.join(', ')}`));
  }
  return requested ?? reach;
}

/** Where a selection is read: one user's partition when it names one user, else the org across partitions. */
export function selectionQuery(orgId: string, selection: WorklogSelection): Pick<Query, 'partition' | 'where'> {
  const where: Condition[] = [{ field: 'type', op: '=', value: 'worklog' }];
  const single = selection.userIds?.length === 1 ? selection.userIds[0] : undefined;
  if (single === undefined) {
    where.push({ field: 'orgId', op: '=', value: orgId });
    if (selection.userIds) where.push({ field: 'userId', op: 'in', value: [...selection.userIds] });
  }
  if (selection.from) where.push({ field: 'timestamp', op: '>=', value: isoSeconds(new Date(selection.from)) });
  if (selection.to) where.push({ field: 'timestamp', op: '<', value: isoSeconds(new Date(selection.to)) });
  if (selection.workItemIds) where.push({ field: 'workItemId', op: 'in', value: [...selection.workItemIds] });
  if (selection.activityTypeIds) where.push({ field: 'activityTypeId', op: 'in', value: [...selection.activityTypeIds] });
  if (selection.billable !== undefined) where.push({ field: 'flags.isBillable', op: '=', value: selection.billable });
  if (selection.tracked !== undefined) where.push({ field: 'flags.isTracked', op: '=', value: selection.tracked });
  if (selection.edited !== undefined) where.push({ field: 'flags.isChanged', op: '=', value: selection.edited });
  const partition = single === undefined ? { crossPartition: true as const } : { pk: userPartition(orgId, single) };
  return { partition, where };
}
