import { worklogsInApprovalStates } from '../approvals/approval-filter.js';
import type { ExplorerListQuery } from '../contracts/explorer.js';
import type { Worklog } from '../domain/worklog.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { settleReadUsers } from '../worklogs/settle-readers.js';
import { pageRequest, readWorklogPage } from '../worklogs/worklog-pages.js';
import { worklogView } from '../worklogs/worklog-view.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { selectionQuery, usersInReach, type WorklogSelection } from './explorer-selection.js';

/** Work item titles and types for a page, from the org's work item cache. */
async function workItemsOf(ports: Ports, caller: Caller, worklogs: readonly Worklog[]) {
  const ids = [...new Set(worklogs.flatMap((w) => (w.workItemId === null ? [] : [w.workItemId])))];
  return workItemCache(ports).items({ orgId: caller.orgId, orgName: caller.orgName }, ids);
}

/**
 * One page of the Times Explorer grid: the worklogs the caller's role may read that match
 * the filters, by start time either way, each page bounded (see worklog-pages.ts: with a
 * filter no index serves, a page may come back short, even empty, with a token to go on).
 * An approval filter narrows each page after it is read. Rows carry the names a grid shows: user, work item title, activity type, flags.
 */
export async function listExplorerWorklogs(ports: Ports, caller: Caller, query: ExplorerListQuery) {
  const { sort, $count, $continuationToken, approval, ...filters } = query;
  const selection: WorklogSelection = { ...filters, userIds: await usersInReach(ports, caller, filters.userIds) };
  const direction = sort === '-timestamp' ? 'desc' : 'asc';
  const scope = ['explorer', caller.orgId, caller.user.id, direction, selection, approval ?? null];
  const page = pageRequest({ $count, $continuationToken }, scope);
  await settleReadUsers(ports.store, caller.orgId, selection.userIds);
  const [activityTypes, read] = await Promise.all([
    activityTypesOf(ports, caller.orgId, caller.orgName),
    readWorklogPage(ports.store, selectionQuery(caller.orgId, selection), page, scope, direction),
  ]);
  // Approval states live in the users' locks, not on worklogs: a page narrowed by them may come back short.
  const worklogs = await worklogsInApprovalStates(ports.store, caller.orgId, read.worklogs, approval);
  const workItems = await workItemsOf(ports, caller, worklogs);
  const items = worklogs.map((w) => ({
    ...worklogView(w, activityTypes),
    userId: w.userId,
    workItem: w.workItemId === null ? null : { id: w.workItemId, title: workItems.get(w.workItemId)?.title ?? null, type: workItems.get(w.workItemId)?.type ?? null },
  }));
  return { items, continuationToken: read.continuationToken ?? null };
}
