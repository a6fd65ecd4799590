import { notFound } from '../domain/errors.js';
import type { WorklogListQuery } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf, visibleUserIds } from '../roles/time-access.js';
import { settlePartition, userPartition } from './user-ledger.js';
import { fromDoc, readWorklog, worklogConditions, type WorklogFilter } from './worklog-documents.js';
import { pageRequest, pageScope, readWorklogPage } from './worklog-pages.js';
import { worklogView } from './worklog-view.js';

function filterOf(query: WorklogListQuery): WorklogFilter {
  return {
    fromTimestamp: query.$fromTimestamp ? new Date(query.$fromTimestamp) : undefined,
    toTimestamp: query.$toTimestamp ? new Date(query.$toTimestamp) : undefined,
    workItemIds: query.$workItemIds,
  };
}

/** One worklog of the caller, or of `userId` when the caller's role may read theirs. */
export async function getWorklog(ports: Ports, caller: Caller, id: string, userId = caller.user.id) {
  await assertMayReadTimeOf(ports, caller, userId);
  const doc = await readWorklog(ports.store, caller.orgId, userId, id);
  if (!doc) throw notFound(`worklog ${id}`);
  return worklogView(fromDoc(doc), await activityTypesOf(ports, caller.orgId, caller.orgName));
}

/**
 * The caller's own worklogs (or `userId`'s, by role), oldest first, one page at a time: one
 * partition. `continuationToken` is set when another page follows.
 */
export async function listMyWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  const userId = query.userId ?? caller.user.id;
  await assertMayReadTimeOf(ports, caller, userId);
  const scope = pageScope('user', caller.orgId, caller.user.id, query);
  const page = pageRequest(query, scope);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  await settlePartition(ports.store, caller.orgId, userId);
  const where = worklogConditions(filterOf(query));
  const { worklogs, continuationToken } = await readWorklogPage(ports.store, { partition: { pk: userPartition(caller.orgId, userId) }, where }, page, scope);
  return { worklogs: worklogs.map((w) => worklogView(w, activityTypes)), continuationToken };
}

/**
 * The worklogs the caller's role may read across the org: everyone's (Administrators,
 * Product and Budget managers) or their teams' (Team leads). A report, not a hot path: it
 * spans partitions, unless `userId` names one user.
 */
export async function listAllWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  const visible = await visibleUserIds(ports, caller);
  if (query.userId) return listMyWorklogs(ports, caller, query);
  const scope = pageScope('org', caller.orgId, caller.user.id, query);
  const page = pageRequest(query, scope);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const where = [
    { field: 'orgId', op: '=' as const, value: caller.orgId },
    ...(visible ? [{ field: 'userId', op: 'in' as const, value: visible }] : []),
    ...worklogConditions(filterOf(query)),
  ];
  const { worklogs, continuationToken } = await readWorklogPage(ports.store, { partition: { crossPartition: true }, where }, page, scope);
  return { worklogs: worklogs.map((w) => worklogView(w, activityTypes)), continuationToken };
}
