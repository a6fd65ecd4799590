import { listBudgets } from '../budgets/budget-docs.js';
import { byWorkItem, evaluateSubtree } from '../budgets/evaluate-budgets.js';
import { readOrgWorkItemTotals } from '../budgets/work-item-totals.js';
import type { Totals } from '../domain/budgets.js';
import type { Caller } from '../identity/caller.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { readChildren } from '../work-items/work-item-docs.js';
import { reachOf, type KeyedRow } from './item-sources.js';
import type { EntityType } from './odata-model.js';
import { flatWorkItemRow, hierarchyWorkItemRow, subtreeTotals } from './work-item-rows.js';
import { ITEM_ENTITY_TYPES } from './work-item-model.js';

/** What one request's expansions share: who asks, and what they read once. */
export class ExpandScope {
  private reachRead?: Promise<ReadonlySet<number> | undefined>;
  private ownRead?: Promise<ReadonlyMap<number, Totals>>;

  constructor(readonly ports: Ports, readonly caller: Caller, readonly onlyMe: boolean) {}

  get org() {
    return { orgId: this.caller.orgId, orgName: this.caller.orgName };
  }

  /** The work items the caller may read (Members: those they tracked on); undefined for all. */
  reach() {
    return (this.reachRead ??= reachOf(this.ports, this.caller, this.onlyMe));
  }

  /** Each work item's own all-time time, from the rollups. */
  own() {
    return (this.ownRead ??= readOrgWorkItemTotals(this.ports, this.caller.orgId));
  }

  async readable(items: readonly WorkItemDetails[]) {
    const reach = await this.reach();
    return reach ? items.filter((item) => reach.has(item.id)) : [...items];
  }
}

/** Work items as rows of the target type (flat with their own time, hierarchy with their subtree's), by System_Id. */
export async function itemRows(scope: ExpandScope, items: readonly WorkItemDetails[], target: EntityType): Promise<KeyedRow[]> {
  const own = await scope.own();
  const sorted = [...items].sort((a, b) => a.id - b.id);
  if (target.name !== ITEM_ENTITY_TYPES.ReportingWorkItemHierarchy.name) {
    return sorted.map((item) => ({ key: String(item.id), row: flatWorkItemRow(item, own.get(item.id)) }));
  }
  const totals = await subtreeTotals(scope.ports.store, scope.caller.orgId, sorted.map((item) => item.id), own);
  return sorted.map((item) => ({ key: String(item.id), row: hierarchyWorkItemRow(item, totals.get(item.id)!) }));
}

/** The work items of `ids` the caller may read, by id (read from Azure DevOps when the cache lacks one). */
export async function readableItems(scope: ExpandScope, ids: readonly number[]) {
  const found = await workItemCache(scope.ports).items(scope.org, ids);
  return new Map((await scope.readable([...found.values()])).map((item) => [item.id, item]));
}

/** Each item's top-most ancestor (the item itself when it has no parent), a level at a time for all of them; a cycle stops the walk. */
export async function rootsOf(scope: ExpandScope, items: readonly { id: number; parentId: number | null }[]) {
  const top = new Map(items.map((item) => [item.id, item]));
  const seen = new Map(items.map((item) => [item.id, new Set([item.id])]));
  const cache = workItemCache(scope.ports);
  for (let climbing = items.filter((item) => item.parentId !== null); climbing.length > 0; ) {
    const parents = await cache.items(scope.org, climbing.map((item) => top.get(item.id)!.parentId!));
    climbing = climbing.filter((item) => {
      const parent = parents.get(top.get(item.id)!.parentId!);
      if (!parent || seen.get(item.id)!.has(parent.id)) return false;
      seen.get(item.id)!.add(parent.id);
      top.set(item.id, parent);
      return parent.parentId !== null;
    });
  }
  return new Map([...top].map(([id, root]) => [id, root.id]));
}

/** The cached children of each item the caller may read, by parent, in System_Id order. */
export async function childrenOf(scope: ExpandScope, ids: readonly number[]) {
  const children = await scope.readable((await readChildren(scope.ports.store, scope.caller.orgId, ids)).map((doc) => doc.item));
  const byParent = new Map<number, WorkItemDetails[]>(ids.map((id) => [id, []]));
  for (const child of children.sort((a, b) => a.id - b.id)) byParent.get(child.parentId!)?.push(child);
  return byParent;
}

/** Each item and everything cached below it (the ids with tracked time only: the others have no worklogs). */
export async function trackedSubtrees(scope: ExpandScope, ids: readonly number[]) {
  const own = await scope.own();
  const members = new Map(ids.map((id) => [id, new Set([id])]));
  let owners = new Map(ids.map((id) => [id, new Set([id])]));
  while (owners.size > 0) {
    const next = new Map<number, Set<number>>();
    for (const { item } of await readChildren(scope.ports.store, scope.caller.orgId, [...owners.keys()])) {
      const fresh = [...(owners.get(item.parentId!) ?? [])].filter((owner) => !members.get(owner)!.has(item.id));
      for (const owner of fresh) members.get(owner)!.add(item.id);
      if (fresh.length) next.set(item.id, new Set([...(next.get(item.id) ?? []), ...fresh]));
    }
    owners = next;
  }
  return new Map([...members].map(([id, set]) => [id, [...set].filter((member) => own.has(member))]));
}

/** The work items each budget counts (its subtree, less nested budgets'), by budget id. */
export async function budgetItems(scope: ExpandScope, budgetIds: readonly string[]) {
  const budgets = await listBudgets(scope.ports.store, scope.caller.orgId);
  const byItem = byWorkItem(budgets);
  const covered = new Map<string, number[]>();
  for (const budget of budgets.filter((b) => budgetIds.includes(b.budgetId))) {
    const subtree = await evaluateSubtree(scope.ports, scope.org, budget.workItemId, byItem, await scope.own());
    const ids = subtree ? [...subtree.coverage].filter(([, c]) => c.budgetItemId === budget.workItemId).map(([id]) => id) : [budget.workItemId];
    covered.set(budget.budgetId, ids);
  }
  return covered;
}
