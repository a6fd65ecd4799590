import type { BudgetPatch, NewBudget } from '../contracts/budgets.js';
import { conflict, notFound, unprocessable } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { StoreConflictError, StorePreconditionError } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { budgetClaimId, budgetDocId, readBudget, type BudgetClaimDoc, type BudgetDoc } from './budget-docs.js';
import { checkBudgetThresholds } from './budget-thresholds.js';
import { getBudgetView } from './read-budgets.js';

type ManagePorts = Pick<Ports, 'store' | 'directory' | 'clock' | 'queue' | 'newId'>;

/** A budget on a work item of the org that has none yet (409 when it has one). */
export async function createBudget(ports: ManagePorts, caller: Caller, input: NewBudget) {
  const org = { orgId: caller.orgId, orgName: caller.orgName };
  if (!(await workItemCache(ports).items(org, [input.workItemId])).has(input.workItemId)) {
    throw unprocessable('budget.unknown_work_item', `work item ${input.workItemId} does not exist in ${caller.orgName}`);
  }
  const now = ports.clock.now().toISOString();
  const budgetId = ports.newId();
  const budget: BudgetDoc = {
    id: budgetDocId(budgetId), pk: caller.orgId, type: 'budget', schemaVersion: 1, orgId: caller.orgId, budgetId,
    workItemId: input.workItemId, name: input.name, comment: input.comment ?? '', planned: input.planned,
    plannedBillable: input.plannedBillable ?? null, isClosed: input.isClosed ?? false, closedTimestamp: input.isClosed ? now : null,
    createdTimestamp: now, createdBy: caller.user, editedTimestamp: now, notified: [],
  };
  const claim: BudgetClaimDoc = { id: budgetClaimId(input.workItemId), pk: caller.orgId, type: 'budgetClaim', schemaVersion: 1, budgetId };
  try {
    await ports.store.batch('orgs', caller.orgId, [{ op: 'create', doc: claim }, { op: 'create', doc: budget }]);
  } catch (error) {
    if (error instanceof StoreConflictError) throw conflict('budget.exists', `work item ${input.workItemId} has a budget already`);
    throw error;
  }
  await checkBudgetThresholds(ports, caller.orgId);
  return getBudgetView(ports, caller, budgetId);
}

/**
 * Changes a budget. Raising the planned time re-arms the thresholds already announced;
 * a lower one may cross a threshold at once, which the check after the change announces.
 */
export async function updateBudget(ports: ManagePorts, caller: Caller, budgetId: string, patch: BudgetPatch) {
  for (;;) {
    const current = await readBudget(ports.store, caller.orgId, budgetId);
    if (!current) throw notFound(`budget ${budgetId}`);
    const { _etag, ...doc } = current;
    const now = ports.clock.now().toISOString();
    const planned = patch.planned ?? doc.planned;
    const isClosed = patch.isClosed ?? doc.isClosed;
    const next: BudgetDoc = {
      ...doc, ...patch, planned, isClosed, editedTimestamp: now,
      comment: patch.comment ?? doc.comment,
      plannedBillable: patch.plannedBillable === undefined ? doc.plannedBillable : patch.plannedBillable,
      closedTimestamp: isClosed ? (doc.closedTimestamp ?? now) : null,
      notified: doc.notified.filter((entry) => entry.planned >= planned),
    };
    try {
      await ports.store.replace('orgs', next, _etag);
      break;
    } catch (error) {
      if (!(error instanceof StorePreconditionError)) throw error;
    }
  }
  await checkBudgetThresholds(ports, caller.orgId);
  return getBudgetView(ports, caller, budgetId);
}

export async function deleteBudget(ports: Pick<Ports, 'store'>, caller: Caller, budgetId: string) {
  const budget = await readBudget(ports.store, caller.orgId, budgetId);
  if (!budget) throw notFound(`budget ${budgetId}`);
  try {
    await ports.store.batch('orgs', caller.orgId, [
      { op: 'delete', id: budgetDocId(budgetId), ifMatch: budget._etag },
      { op: 'delete', id: budgetClaimId(budget.workItemId) },
    ]);
  } catch (error) {
    // Deleted (or changed) meanwhile by someone else: gone is gone.
    if (!(error instanceof StorePreconditionError)) throw error;
    if (await readBudget(ports.store, caller.orgId, budgetId)) throw conflict('budget.changed', `budget ${budgetId} changed meanwhile; try again`);
  }
  return null;
}
