import type { BudgetStatusView, BudgetTreeItem, BudgetView } from '../../shared/budgets-api.js';

/** One work item of the tree, with its own budget when it has one. */
export interface BudgetNode {
  item: BudgetTreeItem;
  budget: BudgetView | undefined;
  /** The budget covering this item, when it inherits one. */
  coveredBy: BudgetView | undefined;
  children: BudgetNode[];
}

/**
 * The budgets as trees: one per budget that no visible budget lies above (by the ancestors
 * its status names), holding every work item of its subtree, nested budgets included.
 * `statuses` by the budget's work item.
 */
export function budgetForest(budgets: readonly BudgetView[], statuses: ReadonlyMap<number, BudgetStatusView>): BudgetNode[] {
  const budgeted = new Set(budgets.map((budget) => budget.workItemId));
  const roots = budgets
    .map((budget) => statuses.get(budget.workItemId))
    .filter((status): status is BudgetStatusView => status !== undefined && !status.ancestors.some((ancestor) => budgeted.has(ancestor.id)));
  return roots.map(treeOf).filter((node): node is BudgetNode => node !== undefined);
}

function treeOf(status: BudgetStatusView): BudgetNode | undefined {
  const budgetById = new Map(status.budgets.map((budget) => [budget.id, budget]));
  const nodes = new Map<number, BudgetNode>();
  for (const item of status.items) {
    const budget = item.budgetSource === 'direct' && item.budgetId ? budgetById.get(item.budgetId) : undefined;
    const coveredBy = item.budgetSource === 'inherited' && item.budgetId ? budgetById.get(item.budgetId) : undefined;
    const node: BudgetNode = { item, budget, coveredBy, children: [] };
    nodes.set(item.id, node);
    // Items come parents first: a parent is in the map before its children.
    if (item.id !== status.workItemId && item.parentId !== null) nodes.get(item.parentId)?.children.push(node);
  }
  return nodes.get(status.workItemId);
}

/** The items shown open at first: the roots, each budget's item, and those with a budget below them, so that every budget and its children are in view. */
export function openAtFirst(roots: readonly BudgetNode[]): Set<number> {
  const open = new Set<number>(roots.map((root) => root.item.id));
  const visit = (node: BudgetNode): boolean => {
    const below = node.children.map(visit).some(Boolean);
    if (below || node.budget) open.add(node.item.id);
    return below || node.budget !== undefined;
  };
  roots.forEach(visit);
  return open;
}

/** A node's work item and all below it. */
export function subtreeIds(node: BudgetNode): number[] {
  return [node.item.id, ...node.children.flatMap(subtreeIds)];
}

/** Every node of the trees, parents first, with its depth: what the table lists when all is open. */
export function visibleRows(roots: readonly BudgetNode[], open: ReadonlySet<number>): { node: BudgetNode; depth: number }[] {
  const rows: { node: BudgetNode; depth: number }[] = [];
  const visit = (node: BudgetNode, depth: number) => {
    rows.push({ node, depth });
    if (open.has(node.item.id)) node.children.forEach((child) => visit(child, depth + 1));
  };
  roots.forEach((root) => visit(root, 0));
  return rows;
}
