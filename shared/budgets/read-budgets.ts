import type { BudgetView } from '../contracts/budgets.js';
import type { Totals } from '../domain/budgets.js';
import { notFound } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Stored } from '../ports/document-store.js';
import { assertTrackedOne, trackedByMember } from './budget-access.js';
import { listBudgets, readBudget, type BudgetDoc } from './budget-docs.js';
import { budgetView, treeItems } from './budget-view.js';
import { byWorkItem, evaluateSubtree, type BudgetPorts, type EvaluatedSubtree } from './evaluate-budgets.js';
import { readOrgWorkItemTotals } from './work-item-totals.js';

const orgOf = (caller: Caller) => ({ orgId: caller.orgId, orgName: caller.orgName });

/** Items a budget counts: those it covers in its own subtree. */
const coveredBy = (coverage: Map<number, { budgetItemId: number | null }>, workItemId: number) =>
  [...coverage].filter(([, c]) => c.budgetItemId === workItemId).map(([id]) => id);

/** What every budget read starts from: the org's budgets, each work item's own time, and the items a Member tracked (undefined for those who read every budget). */
async function budgetReading(ports: BudgetPorts, caller: Caller) {
  const [budgets, own, tracked] = await Promise.all([
    listBudgets(ports.store, caller.orgId), readOrgWorkItemTotals(ports, caller.orgId), trackedByMember(ports.store, caller),
  ]);
  return { budgets, own, tracked };
}

/**
 * Each budget's work item → a walked subtree that holds it. A budget inside a subtree
 * already walked is not walked again: the time it counts and the items it covers are the
 * same there as in a walk of its own.
 */
async function holdingSubtrees(ports: BudgetPorts, caller: Caller, budgets: readonly Stored<BudgetDoc>[], own: ReadonlyMap<number, Totals>) {
  const byItem = byWorkItem(budgets);
  const holding = new Map<number, EvaluatedSubtree>();
  for (const budget of budgets) {
    if (holding.has(budget.workItemId)) continue;
    const subtree = await evaluateSubtree(ports, orgOf(caller), budget.workItemId, byItem, own);
    for (const item of subtree?.items ?? []) if (byItem.has(item.id)) holding.set(item.id, subtree!);
  }
  return holding;
}

/** Every budget the caller may see, with its status (one totals query, one subtree walk per top budget). */
export async function listBudgetViews(ports: BudgetPorts, caller: Caller): Promise<BudgetView[]> {
  const { budgets, own, tracked } = await budgetReading(ports, caller);
  const holding = await holdingSubtrees(ports, caller, budgets, own);
  const views: BudgetView[] = [];
  for (const budget of budgets) {
    const subtree = holding.get(budget.workItemId);
    if (tracked) {
      const covered = subtree ? coveredBy(subtree.coverage, budget.workItemId) : [budget.workItemId];
      if (!covered.some((id) => tracked.has(id))) continue;
    }
    views.push(budgetView(budget, subtree?.tracked.get(budget.workItemId)));
  }
  return views;
}

export async function getBudgetView(ports: BudgetPorts, caller: Caller, budgetId: string): Promise<BudgetView> {
  const budget = await readBudget(ports.store, caller.orgId, budgetId);
  if (!budget) throw notFound(`budget ${budgetId}`);
  const { budgets, own, tracked } = await budgetReading(ports, caller);
  const subtree = await evaluateSubtree(ports, orgOf(caller), budget.workItemId, byWorkItem(budgets), own);
  assertTrackedOne(caller, tracked, subtree ? coveredBy(subtree.coverage, budget.workItemId) : [budget.workItemId]);
  return budgetView(budget, subtree?.tracked.get(budget.workItemId));
}

/** What a status answer shows of an evaluated subtree (see budgetStatus). */
function subtreeStatus(rootId: number, subtree: EvaluatedSubtree, byItem: ReadonlyMap<number, Stored<BudgetDoc>>, own: ReadonlyMap<number, Totals>) {
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

/**
 * A subtree's work items with their budget source and tracked time, the budgets in it
 * with their status, the budget that covers the root from above, and the root's ancestors
 * with their budgets' ids (without a status: ask for a budget by its id).
 */
export async function budgetStatus(ports: BudgetPorts, caller: Caller, rootId: number) {
  const { budgets, own, tracked } = await budgetReading(ports, caller);
  const byItem = byWorkItem(budgets);
  const subtree = await evaluateSubtree(ports, orgOf(caller), rootId, byItem, own);
  if (!subtree) throw notFound(`work item ${rootId}`);
  assertTrackedOne(caller, tracked, subtree.items.map((item) => item.id));
  return subtreeStatus(rootId, subtree, byItem, own);
}

/**
 * The status of every top budget the caller may see (one that no such budget lies above),
 * each with its whole subtree, nested budgets included: what the Budgets tab shows, in one
 * read of the org's totals instead of one per budget. A budget inside a subtree already
 * walked is not walked again.
 */
export async function budgetTrees(ports: BudgetPorts, caller: Caller) {
  const { budgets, own, tracked } = await budgetReading(ports, caller);
  const byItem = byWorkItem(budgets);
  const walked = new Set<number>();
  const trees: { budget: Stored<BudgetDoc>; subtree: EvaluatedSubtree }[] = [];
  for (const budget of budgets) {
    if (walked.has(budget.workItemId)) continue;
    const subtree = await evaluateSubtree(ports, orgOf(caller), budget.workItemId, byItem, own);
    // A budget on a work item Azure DevOps no longer knows has no tree to show.
    if (!subtree) continue;
    if (tracked && !coveredBy(subtree.coverage, budget.workItemId).some((id) => tracked.has(id))) continue;
    for (const item of subtree.items) walked.add(item.id);
    trees.push({ budget, subtree });
  }
  const shown = new Set(trees.map(({ budget }) => budget.workItemId));
  return trees
    .filter(({ subtree }) => !subtree.ancestors.some((ancestor) => shown.has(ancestor.id)))
    .map(({ budget, subtree }) => subtreeStatus(budget.workItemId, subtree, byItem, own));
}
