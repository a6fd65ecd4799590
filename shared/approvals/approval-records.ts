import type { ApprovalStateName, DayRange } from '../domain/week-locks.js';
import type { UserRef } from '../domain/worklog.js';
import type { Document, DocumentStore } from '../ports/document-store.js';
import { userPartition } from '../worklogs/user-ledger.js';

/**
 * One week's approval record, in the owner's partition, written in the same ledger commit
 * as the lock it puts on the owner's state. No record: never submitted (or withdrawn).
 */
export interface ApprovalDoc extends Document {
  type: 'timeApproval';
  orgId: string;
  userId: string;
  user: UserRef;
  weekStart: string;
  weekEnd: string;
  state: ApprovalStateName;
  assignedManager: UserRef | null;
  /** Who decided last (approved, reopened or closed). */
  approvedByManager: UserRef | null;
  /** The approver's reason when reopening; null otherwise. */
  reason: string | null;
  submittedTimestamp: string | null;
  approvalTimestamp: string | null;
  modificationTimestamp: string;
  /** Counts the week's transitions: names each notice once. */
  revision: number;
}

export const approvalId = (weekStart: string) => `approval:${weekStart}`;

export async function readApproval(store: DocumentStore, orgId: string, userId: string, weekStart: string) {
  const doc = await store.read<ApprovalDoc>('worklogs', userPartition(orgId, userId), approvalId(weekStart));
  return doc?.type === 'timeApproval' ? doc : undefined;
}

/** One user's records of weeks that share a day with `range`. */
export async function userApprovals(store: DocumentStore, orgId: string, userId: string, range: DayRange) {
  return store.query<ApprovalDoc>('worklogs', {
    partition: { pk: userPartition(orgId, userId) },
    where: [{ field: 'type', op: '=', value: 'timeApproval' }, { field: 'weekStart', op: '<=', value: range.to }, { field: 'weekEnd', op: '>=', value: range.from }],
    orderBy: [{ field: 'weekStart', direction: 'asc' }],
  });
}

/**
 * The org's records, oldest week first (approver lists, not a hot path: one query across the org's user
 * partitions, as org-wide reports read rollups), in `states`, sharing a day with `range`.
 */
export async function orgApprovals(store: DocumentStore, orgId: string, filter: { range?: Partial<DayRange>; states?: ApprovalStateName[]; userIds?: string[] }) {
  const docs = await store.query<ApprovalDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [
      { field: 'orgId', op: '=', value: orgId },
      { field: 'type', op: '=', value: 'timeApproval' },
      ...(filter.range?.to ? [{ field: 'weekStart', op: '<=' as const, value: filter.range.to }] : []),
      ...(filter.range?.from ? [{ field: 'weekEnd', op: '>=' as const, value: filter.range.from }] : []),
      ...(filter.states ? [{ field: 'state', op: 'in' as const, value: filter.states }] : []),
      ...(filter.userIds ? [{ field: 'userId', op: 'in' as const, value: filter.userIds }] : []),
    ],
  });
  // Sorted here: a cross-partition ORDER BY on two fields needs a composite index in Cosmos DB.
  return docs.sort((a, b) => (a.weekStart === b.weekStart ? (a.userId < b.userId ? -1 : 1) : a.weekStart < b.weekStart ? -1 : 1));
}
