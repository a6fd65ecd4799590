import { listBudgets, type BudgetDoc } from '../budgets/budget-docs.js';
import type { BudgetPorts } from '../budgets/evaluate-budgets.js';
import { readOrgWorkItemTotals } from '../budgets/work-item-totals.js';
import type { Coverage, Totals } from '../domain/budgets.js';
import type { Caller } from '../identity/caller.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { customFieldValues, referenceNames, type RequestedFields } from './custom-fields.js';
import type { ItemSetName } from './odata-model.js';
import type { Row } from './odata-rows.js';
import type { RowSource } from './row-source.js';
import { keptSubtree } from './tree-memo.js';
import { budgetOf, chainCoverage, chainsOf, evaluateTree, type EvaluatedTree } from './work-item-trees.js';
import type { IdSource } from './work-item-ids.js';
import { NO_CUSTOM_FIELDS, flatWorkItemRow, hierarchyWorkItemRow, type ItemFacts } from './work-item-rows.js';

/** What one request reads once, whatever its pages: the org's totals and budgets, and each tree evaluated. */
interface RequestState {
  own: ReadonlyMap<number, Totals>;
  budgets: ReadonlyMap<number, BudgetDoc>;
  trees: Map<number, EvaluatedTree>;
}

/**
 * The rows of workItems, workItemsHierarchy (items without a parent) or
 * workItemsHierarchyAllLevels: the ids in order, each item read through the work item
 * cache with the custom fields asked for, its budget from its chain of parents, and for
 * the hierarchy sets its whole tree (time, children and rollups below it).
 */
export function workItemSource(ports: BudgetPorts, caller: Caller, set: Exclude<ItemSetName, 'budgets'>, ids: IdSource, fields: RequestedFields): RowSource {
  const org = { orgId: caller.orgId, orgName: caller.orgName };
  const cache = workItemCache(ports);
  const names = referenceNames(fields);
  let state: RequestState | undefined;

  const factsOf = (item: WorkItemDetails, coverage: Coverage, s: RequestState): ItemFacts =>
    ({ ...budgetOf(coverage, s.budgets), custom: customFieldValues(item, fields.custom, NO_CUSTOM_FIELDS) });

  async function treeOf(top: number, s: RequestState): Promise<EvaluatedTree> {
    let tree = s.trees.get(top);
    if (!tree) {
      const items = await keptSubtree(cache, ports.directory, ports.clock, org, top, names);
      s.trees.set(top, (tree = evaluateTree(items, new Set(s.budgets.keys()), s.own, fields.rollup)));
    }
    return tree;
  }

  return async (after, count) => {
    const listed = await ids(after === undefined ? 0 : Number(after), count);
    const found = await cache.items(org, listed.ids, names);
    let items = listed.ids.flatMap((id) => found.get(id) ?? []);
    if (set === 'workItemsHierarchy') items = items.filter((item) => item.parentId === null);
    const s = (state ??= {
      own: await readOrgWorkItemTotals(ports, caller.orgId),
      budgets: new Map((await listBudgets(ports.store, caller.orgId)).map((budget) => [budget.workItemId, budget])),
      trees: new Map(),
    });
    const chains = await chainsOf(cache, org, items);
    const budgeted = new Set(s.budgets.keys());
    const rows: { key: string; row: Row }[] = [];
    for (const item of items) {
      const chain = chains.get(item.id) ?? [item];
      if (set === 'workItems') {
        rows.push({ key: String(item.id), row: flatWorkItemRow(item, s.own.get(item.id), factsOf(item, chainCoverage(chain, budgeted), s)) });
        continue;
      }
      const tree = await treeOf(chain.at(-1)!.id, s);
      const subtree = tree.subtrees.get(item.id) ?? { total: s.own.get(item.id) ?? { length: 0, billableLength: 0 }, hasChildren: false, itself: s.own.get(item.id) };
      const coverage = tree.coverage.get(item.id) ?? chainCoverage(chain, budgeted);
      rows.push({ key: String(item.id), row: hierarchyWorkItemRow(item, subtree, factsOf(item, coverage, s)) });
    }
    const last = listed.ids.at(-1);
    return { rows, done: listed.done, ...(last === undefined ? {} : { last: String(last) }) };
  };
}
