import type { Totals } from '../domain/budgets.js';
import type { Caller } from '../identity/caller.js';
import { assertTrackedOne, trackedByMember } from '../budgets/budget-access.js';
import { listBudgets } from '../budgets/budget-docs.js';
import { forbidden } from '../domain/errors.js';
import type { BudgetPorts } from '../budgets/evaluate-budgets.js';
import { listBudgetViews } from '../budgets/read-budgets.js';
import { readOrgWorkItemTotals, readUserWorkItemTotals } from '../budgets/work-item-totals.js';
import type { Condition } from '../ports/document-store.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { workItemPartition, type WorkItemDoc } from '../work-items/work-item-docs.js';
import { conjuncts, type Expression } from './odata-expression.js';
import type { ItemSetName } from './odata-model.js';
import { allowedValues } from './odata-selection.js';
import type { Row } from './odata-rows.js';
import { budgetRow, flatWorkItemRow, hierarchyWorkItemRow, subtreeTotals } from './work-item-rows.js';

export interface KeyedRow {
  key: string;
  row: Row;
}

/** Up to `count` rows after the key `after`, in key order; `done` when nothing follows. */
export type RowSource = (after: string | undefined, count: number) => Promise<{ rows: KeyedRow[]; done: boolean }>;

/**
 * Who reads which rows (the budgets' read rules, since every row carries time of the whole
 * org): Administrators, Budget and Product managers and Team leads all; Members, or anyone
 * with prefilter=Me, only the work items they tracked time on and the budgets covering them.
 */
export async function reachOf(ports: BudgetPorts, caller: Caller, onlyMe: boolean): Promise<ReadonlySet<number> | undefined> {
  if (onlyMe) return new Set((await readUserWorkItemTotals(ports.store, caller.orgId, caller.user.id)).keys());
  return trackedByMember(ports.store, caller);
}

/**
 * 403 when the filter names rows the caller may not read (as a named user on the worklog
 * sets): work items by System_Id they never tracked on, budgets by Id they may not read.
 */
export async function assertNamedInReach(ports: BudgetPorts, caller: Caller, set: ItemSetName, filter: Expression | undefined, onlyMe: boolean) {
  const terms = conjuncts(filter);
  if (set !== 'budgets') {
    const ids = allowedValues(terms, 'System_Id', (l) => (l.type === 'number' ? l.value : undefined));
    for (const id of ids ?? []) assertTrackedOne(caller, await reachOf(ports, caller, onlyMe), [id]);
    return;
  }
  const named = allowedValues(terms, 'Id', (l) => (l.type === 'guid' ? l.value : undefined));
  if (!named?.length) return;
  const inOrg = new Set((await listBudgets(ports.store, caller.orgId)).map((b) => b.budgetId));
  const visible = new Set((await listBudgetViews(ports, caller)).map((v) => v.id));
  const hidden = named.filter((id) => inOrg.has(id) && !visible.has(id));
  if (hidden.length) throw forbidden(`budget ${hidden[0]} covers no work item you tracked time on: Members read the budgets of their own work items`);
}

/** The org's cached work items by System_Id, a keyset read of its cache partition (roots only for workItemsHierarchy). */
function workItemSource(ports: BudgetPorts, caller: Caller, set: Exclude<ItemSetName, 'budgets'>, reach: ReadonlySet<number> | undefined): RowSource {
  const where: Condition[] = [{ field: 'type', op: '=', value: 'workItem' }];
  if (set === 'workItemsHierarchy') where.push({ field: 'item.parentId', op: '=', value: null });
  if (reach) where.push({ field: 'item.id', op: 'in', value: [...reach] });
  // Read once a request: every batch of a page sees the same totals.
  let own: ReadonlyMap<number, Totals> | undefined;
  return async (after, count) => {
    if (reach?.size === 0) return { rows: [], done: true };
    const docs = await ports.store.query<WorkItemDoc>('orgs', {
      partition: { pk: workItemPartition(caller.orgId) }, where, orderBy: [{ field: 'item.id', direction: 'asc' }],
      ...(after === undefined ? {} : { after: [Number(after)] }), limit: count,
    });
    const totalsOf = (own ??= await readOrgWorkItemTotals(ports, caller.orgId));
    const items = docs.map((doc) => doc.item);
    const done = docs.length < count;
    if (set === 'workItems') return { rows: items.map((item) => ({ key: String(item.id), row: flatWorkItemRow(item, totalsOf.get(item.id)) })), done };
    const totals = await subtreeTotals(ports.store, caller.orgId, items.map((item) => item.id), totalsOf);
    return { rows: items.map((item) => ({ key: String(item.id), row: hierarchyWorkItemRow(item, totals.get(item.id)!) })), done };
  };
}

/** The budgets the caller may read, with their status as /api/rest/budgets answers it, by Id. */
function budgetSource(ports: BudgetPorts, caller: Caller, onlyMe: boolean): RowSource {
  let all: KeyedRow[] | undefined;
  return async (after, count) => {
    all ??= (await listBudgetViews(ports, onlyMe ? { ...caller, access: undefined } : caller))
      .map((view) => ({ key: view.id, row: budgetRow(view) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const start = after === undefined ? 0 : all.findIndex((r) => r.key > after);
    const rows = start < 0 ? [] : all.slice(start, start + count);
    return { rows, done: start < 0 || start + count >= all.length };
  };
}

/**
 * A feed's rows. On a first page, the work items with tracked time (those the caller
 * reaches) join the cache first, read from Azure DevOps when missing; later pages read
 * the cache only, so that paging stays a keyset read.
 */
export async function itemSource(ports: BudgetPorts, caller: Caller, set: ItemSetName, onlyMe: boolean, firstPage: boolean): Promise<RowSource> {
  if (set === 'budgets') return budgetSource(ports, caller, onlyMe);
  const reach = await reachOf(ports, caller, onlyMe);
  if (firstPage) {
    const tracked = reach ?? new Set((await readOrgWorkItemTotals(ports, caller.orgId)).keys());
    await workItemCache(ports).items({ orgId: caller.orgId, orgName: caller.orgName }, [...tracked]);
  }
  return workItemSource(ports, caller, set, reach);
}
