import { worklogsInApprovalStates } from '../approvals/approval-filter.js';
import type { ExplorerFilter } from '../contracts/explorer.js';
import type { Worklog } from '../domain/worklog.js';
import type { WorklogExportQuery } from '../contracts/exports.js';
import { selectionQuery, usersInReach } from '../explorer/explorer-selection.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { assertMayReadTimeOf } from '../roles/time-access.js';
import { targetsOf } from '../targets/org-targets.js';
import { settleReadUsers } from '../worklogs/settle-readers.js';
import { exportFile, type ExportFile } from './export-file.js';
import { EXPORT_PAGE, readWorklogBatches, XLSX_EXPORT_PAGE } from './read-worklog-batches.js';
import { startedIteration } from './started-iteration.js';
import { workItemNames, type WorkItemName } from '../work-items/work-item-names.js';
import type { OrgRef } from '../work-items/work-item-cache.js';
import { worklogColumns, type NamedWorklog } from './worklog-columns.js';

/**
 * Where the worklogs of an export are read, as the Times Explorer reads them: by role
 * (Members their own, Team leads their teams', managers and Administrators everyone's).
 * A named user is checked first: outside the caller's reach 403, no user of this org 404.
 */
export async function exportedWorklogs(ports: Pick<Ports, 'store'>, caller: Caller, { approval: _approval, ...filter }: ExplorerFilter) {
  for (const userId of new Set(filter.userIds)) await assertMayReadTimeOf(ports, caller, userId);
  const selection = { ...filter, userIds: await usersInReach(ports, caller, filter.userIds) };
  await settleReadUsers(ports.store, caller.orgId, selection.userIds);
  return selectionQuery(caller.orgId, selection);
}

/** Each batch narrowed to the approval states asked for (the states live in the users' locks, not on worklogs). */
async function* inApproval(batches: AsyncIterable<Worklog[]>, keep: (batch: Worklog[]) => Promise<Worklog[]>): AsyncGenerator<Worklog[]> {
  for await (const batch of batches) {
    const kept = await keep(batch);
    if (kept.length) yield kept;
  }
}

/**
 * Each batch with its work items' titles and types, so that the file is still written as
 * the worklogs are read. A work item is looked up in the org's cache once per export (most
 * batches name the same few items), and an id the cache does not know is not asked again.
 */
async function* withWorkItemNames(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, org: OrgRef, batches: AsyncIterable<Worklog[]>): AsyncGenerator<NamedWorklog[]> {
  const known = new Map<number, WorkItemName | undefined>();
  for await (const batch of batches) {
    const unseen = new Set(batch.flatMap((w) => (w.workItemId === null || known.has(w.workItemId) ? [] : [w.workItemId])));
    if (unseen.size) {
      const names = await workItemNames(ports, org, unseen);
      for (const id of unseen) known.set(id, names.get(id));
    }
    yield batch.map((worklog) => ({ worklog, workItemName: worklog.workItemId === null ? undefined : known.get(worklog.workItemId) }));
  }
}

/**
 * The worklogs the caller's role may read, filtered, as a CSV or XLSX file written while
 * they are read. Access is checked and the first page read before anything is answered.
 */
export async function exportWorklogs(ports: Ports, caller: Caller, query: WorklogExportQuery, signal: AbortSignal): Promise<ExportFile> {
  const { format, ...filter } = query;
  const where = await exportedWorklogs(ports, caller, filter);
  const activityTypes = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const targets = await targetsOf(ports.store, caller.orgId);
  const pageSize = format === 'xlsx' ? XLSX_EXPORT_PAGE : EXPORT_PAGE;
  const read = inApproval(readWorklogBatches(ports.store, where, signal, pageSize), (batch) => worklogsInApprovalStates(ports.store, caller.orgId, batch, filter.approval));
  const batches = await startedIteration(withWorkItemNames(ports, { orgId: caller.orgId, orgName: caller.orgName }, read));
  const name = ['worklogs', caller.orgName, filter.from?.slice(0, 10), filter.to?.slice(0, 10)].filter(Boolean).join('-');
  return exportFile(format, name, worklogColumns(activityTypes, targets), batches);
}
