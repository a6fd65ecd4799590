import type { BudgetStatusView, BudgetView } from '../../shared/budgets-api.js';
import type { TimehubApi } from '../../shared/timehub-api.js';
import { budgetForest, type BudgetNode } from './budget-forest.js';

export interface BudgetsData {
  budgets: BudgetView[];
  thresholds: number[];
  roots: BudgetNode[];
}

/** Status reads in flight at once: each walks a subtree on the server. */
const PARALLEL = 4;

/**
 * The caller's budgets as trees: the list, the notice thresholds, and each budget's subtree
 * (a budget inside another's subtree is read with it and not again).
 */
export async function loadBudgets(api: TimehubApi): Promise<BudgetsData> {
  const [budgets, thresholds] = await Promise.all([api.budgets.list(), api.budgets.thresholds()]);
  const statuses = new Map<number, BudgetStatusView>();
  const seen = new Set<number>();
  const queue = [...budgets];
  const worker = async () => {
    for (let budget = queue.shift(); budget; budget = queue.shift()) {
      if (seen.has(budget.workItemId)) continue;
      const status = await api.budgets.status(budget.workItemId);
      statuses.set(budget.workItemId, status);
      for (const item of status.items) seen.add(item.id);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { budgets, thresholds, roots: budgetForest(budgets, statuses) };
}
