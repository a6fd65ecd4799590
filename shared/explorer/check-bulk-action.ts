import type { BillingSettings } from '../billing/billing-settings.js';
import { orgSubscriptionState } from '../billing/org-subscription.js';
import { readOnly } from '../billing/write-gate.js';
import { MAX_BULK_WORKLOGS, type BulkActionInput, type BulkChange } from '../contracts/explorer.js';
import { conflict, unprocessable, type ErrorDetail } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf, loadOrganization } from '../orgs/organization.js';
import type { Worklog } from '../domain/worklog.js';
import type { Ports } from '../ports/index.js';
import { requirePermission } from '../roles/member-access.js';
import { targetsOf } from '../targets/org-targets.js';
import { groupByUser, matchingWorklogs, selectedWorklogs, tooMany } from './bulk-targets.js';
import { lockedTargetProblems } from './locked-targets.js';

/** What a bulk action's change asks for that the org does not have: an unknown or retired activity type or target, an unknown work item. */
async function changeProblems(ports: Ports, caller: Caller, change: BulkChange): Promise<ErrorDetail[]> {
  if (change.kind === 'activityType' && change.activityTypeId !== null) {
    const type = (await activityTypesOf(ports, caller.orgId, caller.orgName)).find((a) => a.id === change.activityTypeId);
    if (!type) return [{ path: 'change.activityTypeId', code: 'worklog.unknown_activity_type', message: `activity type ${change.activityTypeId} does not exist` }];
    if (!type.isActive) return [{ path: 'change.activityTypeId', code: 'worklog.inactive_activity_type', message: `activity type ${type.name} is no longer in use` }];
  }
  if (change.kind === 'workItem') {
    const [found] = await ports.directory.workItems(caller.orgName, [change.workItemId]);
    if (!found) return [{ path: 'change.workItemId', code: 'worklog.unknown_work_item', message: `work item ${change.workItemId} does not exist in this organization` }];
  }
  if (change.kind === 'target') {
    const target = (await targetsOf(ports.store, caller.orgId)).find((t) => t.id === change.targetId);
    if (!target) return [{ path: 'change.targetId', code: 'worklog.unknown_target', message: `target ${change.targetId} does not exist` }];
    if (!target.isActive) return [{ path: 'change.targetId', code: 'worklog.inactive_target', message: `target ${target.name} is no longer in use` }];
  }
  return [];
}

/**
 * Everything a bulk action is checked against before it touches anything: the caller may
 * change others' time, the org is writable, the change is valid, every target exists in
 * this org, there are at most MAX_BULK_WORKLOGS, and (when given) as many as the preview
 * counted. Any problem refuses the whole action, listing every problem found.
 */
export async function checkBulkAction(ports: Ports, billing: BillingSettings, caller: Caller, input: BulkActionInput) {
  requirePermission(caller, 'worklogs:write:all', 'a bulk action on worklogs');
  const org = await loadOrganization(ports, caller.orgId, caller.orgName);
  const subscription = await orgSubscriptionState(ports, org);
  if (!subscription.writable) throw readOnly(billing, org.name, subscription);
  const problems = await changeProblems(ports, caller, input.change);
  let worklogs: Worklog[];
  if (input.worklogs) {
    const selected = await selectedWorklogs(ports.store, caller.orgId, input.worklogs);
    problems.push(...selected.problems);
    worklogs = selected.found;
  } else {
    worklogs = await matchingWorklogs(ports.store, caller.orgId, input.filter!);
  }
  if (worklogs.length > MAX_BULK_WORKLOGS) throw tooMany(worklogs.length);
  const locked = await lockedTargetProblems(ports, caller.orgId, worklogs);
  if (locked.length > 0) {
    throw conflict('approval.week_locked', `${locked.length} of these worklogs lie in weeks locked by approvals (the first: ${locked[0]!.message}); nothing was changed`, locked);
  }
  if (problems.length > 0) {
    const [first] = problems;
    const message = problems.length === 1 ? first!.message : `${problems.length} problems, listed in details; nothing was changed`;
    throw unprocessable(problems.length === 1 ? first!.code : 'bulk.invalid', message, problems);
  }
  if (input.expectedCount !== undefined && input.expectedCount !== worklogs.length) {
    throw conflict('bulk.targets_changed', `the preview counted ${input.expectedCount} worklogs but ${worklogs.length} match now (someone changed time meanwhile); preview again`, [
      { path: 'expectedCount', code: 'bulk.count_now', message: String(worklogs.length) },
    ]);
  }
  return { targets: groupByUser(worklogs), count: worklogs.length };
}

/** The dry run: how many worklogs of how many users the action would touch, after every check. */
export async function previewBulkAction(ports: Ports, billing: BillingSettings, caller: Caller, input: BulkActionInput) {
  const { targets, count } = await checkBulkAction(ports, billing, caller, input);
  return { count, userCount: targets.length, change: input.change };
}

