import { notFound } from '../domain/errors.js';
import type { WorklogListQuery } from '../contracts/worklogs.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf, mayWriteTimeOf, visibleUserIds } from '../roles/time-access.js';
import type { ActivityType } from '../domain/activity-types.js';
import type { Worklog } from '../domain/worklog.js';
import { settleReadUsers } from './settle-readers.js';
import { settlePartition, userPartition } from './user-ledger.js';
import { fromDoc, readWorklog, worklogConditions } from './worklog-documents.js';
import { listFilter } from './list-bounds.js';
import { pageRequest, pageScope, readWorklogPage } from './worklog-pages.js';
import { worklogView } from './worklog-view.js';

/** 7pace's `$includeEditable`: whether the caller may change each worklog (owners, Administrators). */
function views(caller: Caller, query: Pick<WorklogListQuery, '$includeEditable'>, worklogs: Worklog[], activityTypes: ActivityType[]) {
  return worklogs.map((worklog) => {
    const view = worklogView(worklog, activityTypes);
    if (!query.$includeEditable) return view;
    const editable = mayWriteTimeOf(caller, worklog.user.id);
    return { ...view, isCanEdit: editable, isCanDelete: editable };
  });
}

/** One worklog of the caller, or of `userId` when the caller's role may read theirs. */
export async function getWorklog(ports: Ports, caller: Caller, id: string, userId = caller.user.id, includeEditable = false) {
  await assertMayReadTimeOf(ports, caller, userId);
  const doc = await readWorklog(ports.store, caller.orgId, userId, id);
  if (!doc) throw notFound(`worklog ${id}`);
  const [view] = views(caller, { $includeEditable: includeEditable }, [fromDoc(doc)], await activityTypesOf(ports, caller.orgId, caller.orgName));
  return view;
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
  const where = worklogConditions(await listFilter(ports, caller, query));
  const { worklogs, continuationToken } = await readWorklogPage(ports.store, { partition: { pk: userPartition(caller.orgId, userId) }, where }, page, scope);
  return { worklogs: views(caller, query, worklogs, activityTypes), continuationToken };
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
    ...worklogConditions(await listFilter(ports, caller, query)),
  ];
  await settleReadUsers(ports.store, caller.orgId, visible);
  const { worklogs, continuationToken } = await readWorklogPage(ports.store, { partition: { crossPartition: true }, where }, page, scope);
  return { worklogs: views(caller, query, worklogs, activityTypes), continuationToken };
}
