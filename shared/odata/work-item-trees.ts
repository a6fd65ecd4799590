import type { BudgetDoc } from '../budgets/budget-docs.js';
import { coverageOf, subtreeTotals, type Coverage, type Totals } from '../domain/budgets.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { OrgRef, WorkItemCache } from '../work-items/work-item-cache.js';
import { numberOf, type FieldSlot } from './custom-fields.js';
import type { Row } from './odata-rows.js';
import type { BudgetAssignment } from './work-item-model.js';
import type { SubtreeTotal } from './work-item-rows.js';

const ASSIGNMENT: Record<Coverage['source'], BudgetAssignment> = { direct: 'DirectlyAssigned', inherited: 'InheritedFromParent', none: 'NoBudget' };

/** 7pace's Budget (`{ Id, BudgetName }`) and BudgetAssignmentType of an item covered so; `budgets` by work item. */
export function budgetOf(coverage: Coverage, budgets: ReadonlyMap<number, BudgetDoc>): { budget: Row | null; assignment: BudgetAssignment } {
  const budget = coverage.budgetItemId === null ? undefined : budgets.get(coverage.budgetItemId);
  return budget ? { budget: { Id: budget.budgetId, BudgetName: budget.name }, assignment: ASSIGNMENT[coverage.source] } : { budget: null, assignment: 'NoBudget' };
}

/** Levels walked up at most: deeper chains (or cycles) stop there. */
const MAX_DEPTH = 50;

/**
 * Each item's chain up to its top ancestor (the item first), one cache read per level for
 * all the items together; a chain stops at a cycle or an ancestor Azure DevOps does not know.
 */
export async function chainsOf(cache: WorkItemCache, org: OrgRef, items: readonly WorkItemDetails[]): Promise<Map<number, WorkItemDetails[]>> {
  const known = new Map(items.map((item) => [item.id, item]));
  const chains = new Map(items.map((item) => [item.id, [item]]));
  let open = [...chains.values()].filter((chain) => chain[0]!.parentId !== null);
  for (let depth = 0; open.length > 0 && depth < MAX_DEPTH; depth++) {
    const wanted = [...new Set(open.map((chain) => chain.at(-1)!.parentId!))].filter((id) => !known.has(id));
    for (const [id, item] of await cache.items(org, wanted)) known.set(id, item);
    open = open.filter((chain) => {
      const parent = known.get(chain.at(-1)!.parentId!);
      if (!parent || chain.some((item) => item.id === parent.id)) return false;
      chain.push(parent);
      return parent.parentId !== null;
    });
  }
  return chains;
}

/** The coverage of an item by the org's budgets (by work item), from its chain: its own budget, the nearest above, or none. */
export function chainCoverage(chain: readonly WorkItemDetails[], budgeted: ReadonlySet<number>): Coverage {
  const rootFirst = [...chain].reverse();
  return coverageOf(rootFirst, budgeted, null).get(chain[0]!.id) ?? { source: 'none', budgetItemId: null };
}

/** A tree read whole from its top: each item's coverage, subtree time, children and rollup sums. */
export interface EvaluatedTree {
  coverage: Map<number, Coverage>;
  subtrees: Map<number, SubtreeTotal>;
}

/** Lays budgets, tracked time and the rollup fields over a tree (items parents first, as the cache's subtree answers). */
export function evaluateTree(items: readonly WorkItemDetails[], budgeted: ReadonlySet<number>, own: ReadonlyMap<number, Totals>, rollups: readonly FieldSlot[]): EvaluatedTree {
  const totals = subtreeTotals(items, own);
  const parents = new Set(items.map((item) => item.parentId));
  // Sums of a field as the tree sums time: the field's number standing in for the length.
  const sums = rollups.map((slot) => subtreeTotals(items, new Map(items.map((item) => [item.id, { length: numberOf(item, slot.referenceName), billableLength: 0 }]))));
  const subtrees = new Map(items.map((item): [number, SubtreeTotal] => {
    const rollupRow: Row = Object.fromEntries(rollups.map((slot, i) => [slot.property, sums[i]!.get(item.id)?.length ?? 0]));
    return [item.id, { total: totals.get(item.id)!, hasChildren: parents.has(item.id), itself: own.get(item.id), rollups: rollupRow }];
  }));
  return { coverage: coverageOf(items, budgeted, null), subtrees };
}
