import { notFound } from '../domain/errors.js';
import type { WorklogListQuery } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf, visibleUserIds } from '../roles/time-access.js';
import { settlePartition } from './user-ledger.js';
import { fromDoc, queryUserWorklogs, readWorklog, worklogConditions, type WorklogDoc, type WorklogFilter } from './worklog-documents.js';
import { worklogView } from './worklog-view.js';

const DEFAULT_PAGE = 100;

function filterOf(query: WorklogListQuery): WorklogFilter {
  return {
    fromTimestamp: query.$fromTimestamp ? new Date(query.$fromTimestamp) : undefined,
    toTimestamp: query.$toTimestamp ? new Date(query.$toTimestamp) : undefined,
    workItemIds: query.$workItemIds,
    count: query.$count ?? DEFAULT_PAGE,
    skip: query.$skip ?? 0,
  };
}

/** One worklog of the caller, or of `userId` when the caller's role may read theirs. */
export async function getWorklog(ports: Ports, caller: Caller, id: string, userId = caller.user.id) {
  await assertMayReadTimeOf(ports, caller, userId);
  const doc = await readWorklog(ports.store, caller.orgId, userId, id);
  if (!doc) throw notFound(`worklog ${id}`);
  return worklogView(fromDoc(doc), await activityTypesOf(ports, caller.orgId, caller.orgName));
}

/** The caller's own worklogs (or `userId`'s, by role), oldest first, one page at a time: one partition. */
export async function listMyWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  const userId = query.userId ?? caller.user.id;
  await assertMayReadTimeOf(ports, caller, userId);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  await settlePartition(ports.store, caller.orgId, userId);
  const worklogs = await queryUserWorklogs(ports.store, caller.orgId, userId, filterOf(query));
  return worklogs.map((w) => worklogView(w, activityTypes));
}

/**
 * The worklogs the caller's role may read across the org: everyone's (Administrators,
 * Product and Budget managers) or their teams' (Team leads). A report, not a hot path: it
 * spans partitions, unless `userId` names one user.
 */
export async function listAllWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  const visible = await visibleUserIds(ports, caller);
  if (query.userId) return listMyWorklogs(ports, caller, query);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const filter = filterOf(query);
  const docs = await ports.store.query<WorklogDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [
      { field: 'orgId', op: '=', value: caller.orgId },
      ...(visible ? [{ field: 'userId', op: 'in' as const, value: visible }] : []),
      ...worklogConditions(filter),
    ],
    orderBy: [{ field: 'timestamp', direction: 'asc' }],
    offset: filter.skip,
    limit: filter.count,
  });
  return docs.map((d) => worklogView(fromDoc(d), activityTypes));
}
