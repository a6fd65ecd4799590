import type { WorklogListQuery } from '../contracts/worklogs.js';
import { hasOffset, wallClockInstant } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { readUserSettings } from '../settings/user-settings.js';
import type { WorklogFilter } from './worklog-documents.js';

const BOUNDS = ['$fromTimestamp', '$toTimestamp', '$fromCreatedTimestamp', '$toCreatedTimestamp'] as const;

/**
 * The list's filter with 7pace's strict bounds. A bound without an offset (`2018-05-01`,
 * `2021-11-06T10:28:00`) is the caller's local time: their zone from their settings, else UTC.
 */
export async function listFilter(ports: Pick<Ports, 'store'>, caller: Caller, query: WorklogListQuery): Promise<WorklogFilter> {
  const local = BOUNDS.some((name) => query[name] !== undefined && !hasOffset(query[name]));
  const zone = (local ? (await readUserSettings(ports, caller.orgId, caller.user.id)).timeZone : null) ?? 0;
  const instant = (value: string | undefined) => (value === undefined ? undefined : hasOffset(value) ? new Date(value) : wallClockInstant(value, zone));
  return {
    startsAfter: instant(query.$fromTimestamp),
    startsBefore: instant(query.$toTimestamp),
    createdAfter: instant(query.$fromCreatedTimestamp),
    createdBefore: instant(query.$toCreatedTimestamp),
    workItemIds: query.$workItemIds,
  };
}
