import { z } from 'zod';
import { comment, queryInt, workItemId } from './common.js';

/** Seconds, as 7pace's budgets and worklogs count them; up to a million hours. */
const seconds = z.number().int().min(0).max(3_600_000_000);
const name = z.string().trim().min(1).max(200);
const thresholds = z.array(z.number().int().min(1).max(1000)).max(5).refine((list) => new Set(list).size === list.length, 'name each threshold once');

export const newBudgetBody = z.strictObject({
  workItemId,
  name,
  planned: seconds.describe('planned time in seconds'),
  plannedBillable: seconds.nullable().optional().describe('planned billable time in seconds; null: none'),
  comment: comment.optional(),
  isClosed: z.boolean().optional(),
});
export type NewBudget = z.infer<typeof newBudgetBody>;

export const budgetPatchBody = z
  .strictObject({
    name: name.optional(),
    planned: seconds.optional(),
    plannedBillable: seconds.nullable().optional(),
    comment: comment.optional(),
    isClosed: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one field');
export type BudgetPatch = z.infer<typeof budgetPatchBody>;

export const budgetStatusQuery = z.strictObject({ workItemId: queryInt(1, 2_147_483_647) });

export const budgetSettingsBody = z.strictObject({
  thresholds: thresholds.describe('used % at which the budget managers get a notice, e.g. [80, 100]'),
});

export type BudgetSource = 'direct' | 'inherited' | 'none';

/** A budget as the API answers it: its fields and how much of it is used. */
export interface BudgetView {
  id: string;
  workItemId: number;
  name: string;
  comment: string;
  planned: number;
  plannedBillable: number | null;
  isClosed: boolean;
  closedTimestamp: string | null;
  createdTimestamp: string;
  createdBy: { id: string; name: string };
  status: BudgetStatus;
}

/** Seconds; `usedPercent` is tracked / planned (null when nothing is planned). */
export interface BudgetStatus {
  tracked: number;
  billableTracked: number;
  remaining: number;
  usedPercent: number | null;
}

/** One work item of a status query's subtree. */
export interface BudgetTreeItem {
  id: number;
  title: string;
  type: string;
  state: string;
  parentId: number | null;
  /** 7pace's BudgetAssignmentType: DirectlyAssigned, InheritedFromParent or NoBudget. */
  budgetSource: BudgetSource;
  budgetId: string | null;
  trackedItself: number;
  trackedItselfBillable: number;
  trackedTotal: number;
  trackedTotalBillable: number;
}
