import { coverageOf, subtreeTotals, trackedPerBudget, type Coverage, type Totals } from '../domain/budgets.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { workItemCache, type OrgRef } from '../work-items/work-item-cache.js';
import type { BudgetDoc } from './budget-docs.js';

export type BudgetPorts = Pick<Ports, 'store' | 'directory' | 'clock'>;

/** A subtree with the budgets over it: what a status query, a budget view and a threshold check read. */
export interface EvaluatedSubtree {
  /** The root first, parents before children. */
  items: WorkItemDetails[];
  coverage: Map<number, Coverage>;
  /** Each item's own time and its descendants'. */
  totals: Map<number, Totals>;
  /** By the budget's work item: the time it counts (nested budgets' excluded). */
  tracked: Map<number, Totals>;
  /** The budget covering the root from above, when the root has none of its own. */
  inheritedFrom: Stored<BudgetDoc> | null;
  /** The root's ancestors, nearest first. */
  ancestors: WorkItemDetails[];
}

/**
 * Reads the subtree at `rootId` from the work item cache and lays the org's budgets and
 * tracked totals over it. `budgets` by work item; `own` is each work item's own time
 * (work-item-totals.ts). Undefined when the root is not a work item of the org.
 */
export async function evaluateSubtree(
  ports: BudgetPorts,
  org: OrgRef,
  rootId: number,
  budgets: ReadonlyMap<number, Stored<BudgetDoc>>,
  own: ReadonlyMap<number, Totals>,
): Promise<EvaluatedSubtree | undefined> {
  const cache = workItemCache(ports);
  const items = await cache.subtree(org, rootId);
  const root = items[0];
  if (!root) return undefined;
  const ancestors = await cache.ancestors(org, root);
  const above = budgets.has(rootId) ? undefined : ancestors.find((ancestor) => budgets.has(ancestor.id));
  const coverage = coverageOf(items, new Set(budgets.keys()), above?.id ?? null);
  return {
    items, coverage,
    totals: subtreeTotals(items, own),
    tracked: trackedPerBudget(coverage, own),
    inheritedFrom: above ? budgets.get(above.id)! : null,
    ancestors,
  };
}

export const byWorkItem = (budgets: readonly Stored<BudgetDoc>[]) => new Map(budgets.map((budget) => [budget.workItemId, budget]));
