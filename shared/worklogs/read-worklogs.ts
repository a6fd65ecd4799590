import { forbidden, notFound } from '../domain/errors.js';
import type { WorklogListQuery } from '../contracts/worklogs.js';
import { isAdmin, type Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
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

export async function getWorklog(ports: Ports, caller: Caller, id: string) {
  const doc = await readWorklog(ports.store, caller.orgId, caller.user.id, id);
  if (!doc) throw notFound(`worklog ${id}`);
  return worklogView(fromDoc(doc), await activityTypesOf(ports, caller.orgId, caller.orgName));
}

/** The caller's own worklogs, oldest first, one page at a time. */
export async function listMyWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const worklogs = await queryUserWorklogs(ports.store, caller.orgId, caller.user.id, filterOf(query));
  return worklogs.map((w) => worklogView(w, activityTypes));
}

/** Everyone's worklogs in the caller's org (admins). A report, not a hot path: it spans partitions. */
export async function listAllWorklogs(ports: Ports, caller: Caller, query: WorklogListQuery) {
  if (!isAdmin(caller)) throw forbidden('only Project Collection Administrators may read everyone\'s worklogs');
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const filter = filterOf(query);
  const docs = await ports.store.query<WorklogDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [{ field: 'orgId', op: '=', value: caller.orgId }, ...worklogConditions(filter)],
    orderBy: [{ field: 'timestamp', direction: 'asc' }],
    offset: filter.skip,
    limit: filter.count,
  });
  return docs.map((d) => worklogView(fromDoc(d), activityTypes));
}
