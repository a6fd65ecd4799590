import type { BudgetView } from '../contracts/budgets.js';
import { notFound } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { assertTrackedOne, trackedByMember } from './budget-access.js';
import { listBudgets, readBudget } from './budget-docs.js';
import { budgetView, treeItems } from './budget-view.js';
import { byWorkItem, evaluateSubtree, type BudgetPorts } from './evaluate-budgets.js';
import { readOrgWorkItemTotals } from './work-item-totals.js';

const orgOf = (caller: Caller) => ({ orgId: caller.orgId, orgName: caller.orgName });

/** Items a budget counts: those it covers in its own subtree. */
const coveredBy = (coverage: Map<number, { budgetItemId: number | null }>, workItemId: number) =>
  [...coverage].filter(([, c]) => c.budgetItemId === workItemId).map(([id]) => id);

/** Every budget the caller may see, with its status (one totals query, one subtree walk per budget). */
export async function listBudgetViews(ports: BudgetPorts, caller: Caller): Promise<BudgetView[]> {
  const [budgets, own, tracked] = await Promise.all([
    listBudgets(ports.store, caller.orgId), readOrgWorkItemTotals(ports, caller.orgId), trackedByMember(ports.store, caller),
  ]);
  const byItem = byWorkItem(budgets);
  const views: BudgetView[] = [];
  for (const budget of budgets) {
    const subtree = await evaluateSubtree(ports, orgOf(caller), budget.workItemId, byItem, own);
    const covered = subtree ? coveredBy(subtree.coverage, budget.workItemId) : [budget.workItemId];
    if (tracked && !covered.some((id) => tracked.has(id))) continue;
    views.push(budgetView(budget, subtree?.tracked.get(budget.workItemId)));
  }
  return views;
}

export async function getBudgetView(ports: BudgetPorts, caller: Caller, budgetId: string): Promise<BudgetView> {
  const budget = await readBudget(ports.store, caller.orgId, budgetId);
  if (!budget) throw notFound(`budget ${budgetId}`);
  const [budgets, own, tracked] = await Promise.all([
    listBudgets(ports.store, caller.orgId), readOrgWorkItemTotals(ports, caller.orgId), trackedByMember(ports.store, caller),
  ]);
  const subtree = await evaluateSubtree(ports, orgOf(caller), budget.workItemId, byWorkItem(budgets), own);
  assertTrackedOne(caller, tracked, subtree ? coveredBy(subtree.coverage, budget.workItemId) : [budget.workItemId]);
  return budgetView(budget, subtree?.tracked.get(budget.workItemId));
}

/**
 * A subtree's work items with their budget source and tracked time, the budgets in it
 * with their status, the budget that covers the root from above, and the root's ancestors
 * with their budgets' ids (without a status: ask for a budget by its id).
 */
export async function budgetStatus(ports: BudgetPorts, caller: Caller, rootId: number) {
  const [budgets, own, tracked] = await Promise.all([
    listBudgets(ports.store, caller.orgId), readOrgWorkItemTotals(ports, caller.orgId), trackedByMember(ports.store, caller),
  ]);
  const byItem = byWorkItem(budgets);
  const subtree = await evaluateSubtree(ports, orgOf(caller), rootId, byItem, own);
  if (!subtree) throw notFound(`work item ${rootId}`);
  assertTrackedOne(caller, tracked, subtree.items.map((item) => item.id));
  const budgetIdOf = (workItemId: number) => byItem.get(workItemId)?.budgetId ?? null;
  const inside = subtree.items.flatMap((item) => byItem.get(item.id) ?? []);
  const inherited = subtree.inheritedFrom;
  return {
    workItemId: rootId,
    items: treeItems(subtree, own, budgetIdOf),
    budgets: inside.map((budget) => budgetView(budget, subtree.tracked.get(budget.workItemId))),
    inheritedFrom: inherited && { id: inherited.budgetId, workItemId: inherited.workItemId, name: inherited.name },
    ancestors: subtree.ancestors.map(({ id, title, type }) => ({ id, title, type, budgetId: budgetIdOf(id) })),
  };
}
