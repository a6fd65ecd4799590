import type { Caller } from '../identity/caller.js';
import { assertTrackedOne, trackedByMember } from '../budgets/budget-access.js';
import { listBudgets } from '../budgets/budget-docs.js';
import { forbidden } from '../domain/errors.js';
import type { BudgetPorts } from '../budgets/evaluate-budgets.js';
import { listBudgetViews } from '../budgets/read-budgets.js';
import { readUserWorkItemTotals } from '../budgets/work-item-totals.js';
import type { RequestedFields } from './custom-fields.js';
import { conjuncts, type Expression, type Literal } from './odata-expression.js';
import type { ItemSetName } from './odata-model.js';
import { allowedValues } from './odata-selection.js';
import type { KeyedRow, RowSource } from './row-source.js';
import { listedIds, orgIds } from './work-item-ids.js';
import { budgetRow } from './work-item-rows.js';
import { workItemSource } from './work-item-source.js';

export type { KeyedRow, RowSource } from './row-source.js';

const numberLiteral = (l: Literal) => (l.type === 'number' ? l.value : undefined);

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
    const ids = allowedValues(terms, 'System_Id', numberLiteral);
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

export interface ItemSourceOptions {
  /** The request's filter: the System_Id values it pins are the only ids read. */
  filter?: Expression;
  /** customFields and rollupFields, resolved against the org's fields. */
  fields?: RequestedFields;
}

/**
 * A feed's rows. Work items: those of the org as Azure DevOps lists them, or only the ids the
 * filter pins (`System_Id eq 21`, `System_Id in (...)`), or a Member's tracked items; each
 * read through the work item cache. Budgets: those the caller may read.
 */
export async function itemSource(ports: BudgetPorts, caller: Caller, set: ItemSetName, onlyMe: boolean, options: ItemSourceOptions = {}): Promise<RowSource> {
  if (set === 'budgets') return budgetSource(ports, caller, onlyMe);
  const reach = await reachOf(ports, caller, onlyMe);
  const pinned = allowedValues(conjuncts(options.filter), 'System_Id', numberLiteral);
  const within = pinned && reach ? pinned.filter((id) => reach.has(id)) : (pinned ?? (reach && [...reach]));
  const ids = within ? listedIds(within) : orgIds(ports, { orgId: caller.orgId, orgName: caller.orgName });
  return workItemSource(ports, caller, set, ids, options.fields ?? { custom: [], rollup: [] });
}
