import type { TimeFilter } from '../contracts/time-filters.js';
import { SECONDS_PER_DAY, addSeconds, isoSeconds } from '../domain/time.js';
import { scopeOf } from '../domain/roles.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import type { Condition, Query } from '../ports/document-store.js';
import { assertMayReadTimeOf, visibleUserIds } from '../roles/time-access.js';
import { settlePartition, userPartition } from '../worklogs/user-ledger.js';

/** UTC offsets run from -12:00 to +14:00: a local day's worklogs start within these hours around it. */
const EARLIEST_OFFSET_HOURS = 14;
const LATEST_OFFSET_HOURS = 12;

export type WorklogSelection = Pick<Query, 'partition'> & { where: Condition[] };

/** The filters as store conditions; local days also bound the timestamp, which pages seek by. */
export function filterConditions(filter: TimeFilter): Condition[] {
  const where: Condition[] = [{ field: 'type', op: '=', value: 'worklog' }];
  if (filter.from) {
    const start = addSeconds(new Date(`${filter.from}T00:00:00Z`), -EARLIEST_OFFSET_HOURS * 3600);
    where.push({ field: 'timestamp', op: '>=', value: isoSeconds(start) }, { field: 'localDay', op: '>=', value: filter.from });
  }
  if (filter.to) {
    const end = addSeconds(new Date(`${filter.to}T00:00:00Z`), SECONDS_PER_DAY + LATEST_OFFSET_HOURS * 3600);
    where.push({ field: 'timestamp', op: '<', value: isoSeconds(end) }, { field: 'localDay', op: '<=', value: filter.to });
  }
  if (filter.workItemIds) where.push({ field: 'workItemId', op: 'in', value: filter.workItemIds });
  if (filter.activityTypeIds) where.push({ field: 'activityTypeId', op: 'in', value: filter.activityTypeIds });
  if (filter.billable !== undefined) where.push({ field: 'flags.isBillable', op: '=', value: filter.billable });
  if (filter.source) where.push({ field: filter.source === 'tracked' ? 'flags.isTracked' : 'flags.isManuallyEntered', op: '=', value: true });
  if (filter.edited !== undefined) where.push({ field: 'flags.isChanged', op: '=', value: filter.edited });
  return where;
}

/**
 * Whose worklogs a read may see, by role: named users each checked (403 outside the
 * caller's reach, 404 for no user of this org); else Members their own, Team leads
 * their teams', managers and Administrators everyone's. One user reads one partition.
 */
export async function selectWorklogs(ports: Pick<Ports, 'store'>, caller: Caller, filter: TimeFilter): Promise<WorklogSelection> {
  const where = filterConditions(filter);
  const named = filter.userIds && [...new Set(filter.userIds)];
  for (const userId of named ?? []) await assertMayReadTimeOf(ports, caller, userId);
  const ownOnly = !caller.access || scopeOf(caller.access, 'read') === 'own';
  const users = named ?? (ownOnly ? [caller.user.id] : await visibleUserIds(ports, caller));
  if (users?.length === 1) {
    await settlePartition(ports.store, caller.orgId, users[0]!);
    return { partition: { pk: userPartition(caller.orgId, users[0]!) }, where };
  }
  const org: Condition = { field: 'orgId', op: '=', value: caller.orgId };
  return { partition: { crossPartition: true }, where: [org, ...(users ? [{ field: 'userId', op: 'in' as const, value: users }] : []), ...where] };
}
