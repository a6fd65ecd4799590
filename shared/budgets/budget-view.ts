import type { BudgetStatus, BudgetTreeItem, BudgetView } from '../contracts/budgets.js';
import { usedPercent, type Totals } from '../domain/budgets.js';
import type { BudgetDoc } from './budget-docs.js';
import type { EvaluatedSubtree } from './evaluate-budgets.js';

export function statusOf(budget: Pick<BudgetDoc, 'planned'>, tracked: Totals | undefined): BudgetStatus {
  const length = tracked?.length ?? 0;
  return {
    tracked: length,
    billableTracked: tracked?.billableLength ?? 0,
    remaining: budget.planned - length,
    usedPercent: usedPercent(length, budget.planned),
  };
}

export function budgetView(budget: BudgetDoc, tracked: Totals | undefined): BudgetView {
  return {
    id: budget.budgetId, workItemId: budget.workItemId, name: budget.name, comment: budget.comment,
    planned: budget.planned, plannedBillable: budget.plannedBillable, isClosed: budget.isClosed,
    closedTimestamp: budget.closedTimestamp, createdTimestamp: budget.createdTimestamp,
    createdBy: { id: budget.createdBy.id, name: budget.createdBy.name },
    status: statusOf(budget, tracked),
  };
}

export function treeItems(subtree: EvaluatedSubtree, own: ReadonlyMap<number, Totals>, budgetIdOf: (workItemId: number) => string | null): BudgetTreeItem[] {
  return subtree.items.map((item) => {
    const coverage = subtree.coverage.get(item.id);
    const total = subtree.totals.get(item.id);
    const itself = own.get(item.id);
    return {
      id: item.id, title: item.title, type: item.type, state: item.state, parentId: item.parentId,
      budgetSource: coverage?.source ?? 'none',
      budgetId: coverage?.budgetItemId ? budgetIdOf(coverage.budgetItemId) : null,
      trackedItself: itself?.length ?? 0, trackedItselfBillable: itself?.billableLength ?? 0,
      trackedTotal: total?.length ?? 0, trackedTotalBillable: total?.billableLength ?? 0,
    };
  });
}
