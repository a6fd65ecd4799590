import type { UserRef } from '../domain/worklog.js';
import type { Document, DocumentStore, Stored } from '../ports/document-store.js';

/**
 * A budget, in the org's own partition of 'orgs' (kept and restored with the org on
 * uninstall). One per work item: a claim document `budgetOf:<workItemId>`, created in the
 * same batch, refuses a second.
 */
export interface BudgetDoc extends Document {
  type: 'budget';
  orgId: string;
  budgetId: string;
  workItemId: number;
  name: string;
  comment: string;
  planned: number;
  plannedBillable: number | null;
  isClosed: boolean;
  closedTimestamp: string | null;
  createdTimestamp: string;
  createdBy: UserRef;
  editedTimestamp: string;
  /** Thresholds (%) already announced, with the planned time they were announced at: raising it re-arms them. */
  notified: { threshold: number; planned: number }[];
}

export interface BudgetClaimDoc extends Document {
  type: 'budgetClaim';
  budgetId: string;
}

export const budgetDocId = (budgetId: string) => `budget:${budgetId}`;
export const budgetClaimId = (workItemId: number) => `budgetOf:${workItemId}`;

export async function readBudget(store: DocumentStore, orgId: string, budgetId: string) {
  return store.read<BudgetDoc>('orgs', orgId, budgetDocId(budgetId));
}

/** Every budget of the org: a few hundred small documents at most, in one partition. */
export async function listBudgets(store: DocumentStore, orgId: string): Promise<Stored<BudgetDoc>[]> {
  return store.query<BudgetDoc>('orgs', {
    partition: { pk: orgId },
    where: [{ field: 'type', op: '=', value: 'budget' }],
    orderBy: [{ field: 'workItemId', direction: 'asc' }],
  });
}
