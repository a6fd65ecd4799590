import type { BudgetView } from '../../shared/budgets-api.js';
import type { TimehubApi } from '../../shared/timehub-api.js';
import { budgetForest, type BudgetNode } from './budget-forest.js';

export interface BudgetsData {
  budgets: BudgetView[];
  thresholds: number[];
  roots: BudgetNode[];
}

/** The caller's budgets as trees: the list, the notice thresholds, and the top budgets' subtrees (one request for all). */
export async function loadBudgets(api: TimehubApi): Promise<BudgetsData> {
  const [budgets, thresholds, trees] = await Promise.all([api.budgets.list(), api.budgets.thresholds(), api.budgets.trees()]);
  const statuses = new Map(trees.map((tree) => [tree.workItemId, tree]));
  return { budgets, thresholds, roots: budgetForest(budgets, statuses) };
}
