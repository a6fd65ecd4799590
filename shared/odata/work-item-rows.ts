import type { BudgetView } from '../contracts/budgets.js';
import type { Totals } from '../domain/budgets.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { DocumentStore } from '../ports/document-store.js';
import { readChildren } from '../work-items/work-item-docs.js';
import type { Row } from './odata-rows.js';
import { CUSTOM_FIELDS, SCHEDULING_FIELDS, type BudgetAssignment } from './work-item-model.js';

/** 7pace's System and scheduling fields from the cache (System_RevisedDate: when the latest revision was made). */
export function systemFields(item: WorkItemDetails): Row {
  const scheduling = Object.fromEntries(Object.entries(SCHEDULING_FIELDS).map(([name, field]) => [name, item[field]]));
  return {
    System_Id: item.id, System_AreaId: item.areaId ?? null, System_IterationId: item.iterationId ?? null,
    System_CreatedDate: item.createdDate ?? null, System_RevisedDate: item.changedDate ?? null,
    System_AreaPath: item.areaPath, System_AssignedTo: item.assignedTo ?? null, System_CreatedBy: item.createdBy ?? null,
    System_IterationPath: item.iterationPath, System_NodeName: item.areaPath.split('\\').at(-1) ?? null, System_Reason: item.reason ?? null,
    System_State: item.state, System_TeamProject: item.project, System_Title: item.title, System_WorkItemType: item.type, ...scheduling,
  };
}

/** Every custom field property, empty: customFields fills those it names. */
export const NO_CUSTOM_FIELDS: Row = Object.fromEntries(CUSTOM_FIELDS.map((property) => [property.name, null]));

/** What a row adds to the item from Timehub: its budget, and the custom field values asked for. */
export interface ItemFacts {
  /** ReportingBudget `{ Id, BudgetName }` of the budget covering the item; null when none does. */
  budget: Row | null;
  assignment: BudgetAssignment;
  /** The Custom*Field properties. */
  custom: Row;
}

const NOT_COMPUTED: ItemFacts = { budget: null, assignment: 'NotComputed', custom: NO_CUSTOM_FIELDS };

const budgetFields = (facts: ItemFacts): Row => ({ Budget: facts.budget, BudgetAssignmentType: facts.assignment });

const trackedItself = (itself: Totals | undefined): Row => ({ TrackedItself: itself?.length ?? 0, TrackedItselfBillable: itself?.billableLength ?? 0 });

/** ReportingWorkItemFlat: the time tracked on the item itself. */
export function flatWorkItemRow(item: WorkItemDetails, itself: Totals | undefined, facts: ItemFacts = NOT_COMPUTED): Row {
  return { ...budgetFields(facts), ...systemFields(item), ...trackedItself(itself), ...facts.custom, ParentId: item.parentId };
}

export interface SubtreeTotal {
  total: Totals;
  hasChildren: boolean;
  /** The item's own time (TrackedItself). */
  itself?: Totals;
  /** RollupValue1-5: the sums of the rollupFields over the item and everything below it. */
  rollups?: Row;
}

/** ReportingWorkItemHierarchy: the time tracked on the item and everything below it. */
export function hierarchyWorkItemRow(item: WorkItemDetails, subtree: SubtreeTotal, facts: ItemFacts = NOT_COMPUTED): Row {
  return {
    ...budgetFields(facts), ...systemFields(item), ...trackedItself(subtree.itself), TrackedTotal: subtree.total.length,
    TrackedTotalBillable: subtree.total.billableLength, HasChildren: subtree.hasChildren,
    RollupValue1: null, RollupValue2: null, RollupValue3: null, RollupValue4: null, RollupValue5: null, ...subtree.rollups,
    ...facts.custom, ParentId: item.parentId,
  };
}

/**
 * Each item's all-time time with everything cached below it: one children query per level
 * for all the items together (by the parent-id index), each descendant counted once per
 * item above it, a cycle cut where it closes.
 */
export async function subtreeTotals(store: DocumentStore, orgId: string, itemIds: readonly number[], own: ReadonlyMap<number, Totals>) {
  const result = new Map<number, SubtreeTotal>(itemIds.map((id) => [id, { total: { ...(own.get(id) ?? { length: 0, billableLength: 0 }) }, hasChildren: false }]));
  let owners = new Map(itemIds.map((id) => [id, new Set([id])]));
  const seen = new Map(itemIds.map((id) => [id, new Set([id])]));
  while (owners.size > 0) {
    const children = await readChildren(store, orgId, [...owners.keys()]);
    const next = new Map<number, Set<number>>();
    for (const { item } of children) {
      if (item.parentId === null) continue;
      const parent = result.get(item.parentId);
      if (parent) parent.hasChildren = true;
      const parentOwners = owners.get(item.parentId) ?? new Set<number>();
      const reached = seen.get(item.id) ?? new Set<number>();
      const fresh = [...parentOwners].filter((owner) => !reached.has(owner));
      if (fresh.length === 0) continue;
      for (const owner of fresh) {
        reached.add(owner);
        const sum = result.get(owner)!.total;
        sum.length += own.get(item.id)?.length ?? 0;
        sum.billableLength += own.get(item.id)?.billableLength ?? 0;
      }
      seen.set(item.id, reached);
      next.set(item.id, new Set([...(next.get(item.id) ?? []), ...fresh]));
    }
    owners = next;
  }
  return result;
}

/** ReportingBudgetExtended from the budget's status, as /api/rest/budgets answers it. */
export function budgetRow(budget: BudgetView): Row {
  return {
    Id: budget.id, BudgetName: budget.name, Planned: budget.planned, Tracked: budget.status.tracked, Billed: budget.status.billableTracked,
    Comment: budget.comment, Closed: budget.isClosed, ClosedDate: budget.closedTimestamp, CreatedDate: budget.createdTimestamp,
    WorkItemId: budget.workItemId, PlannedBillable: budget.plannedBillable, Remaining: budget.status.remaining,
  };
}
