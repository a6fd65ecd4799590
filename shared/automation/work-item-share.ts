import type { Contribution, SchedulingFieldChanges } from '../domain/work-item-automation.js';
import { StoreConflictError, StorePreconditionError, type Document, type DocumentStore, type Stored } from '../ports/document-store.js';

/** An update sent to Azure DevOps whose outcome is not recorded yet (the per-work-item lock). */
export interface InFlightUpdate {
  /** The revision the patch tested: the update landed only if revision `rev + 1` holds `changes`. */
  rev: number;
  changes: SchedulingFieldChanges;
  next: Pick<Contribution, 'writtenHours' | 'takenHours'>;
  startedAt: string;
}

/**
 * Timehub's share of one work item's fields, in the org's partition: which changes it has
 * accepted (idempotency), what they add up to, and what it has written so far. Every write
 * is conditional (If-Match), and `inFlight` makes it the work item's lock: one update at a
 * time reaches Azure DevOps, in order.
 */
export interface WorkItemShareDoc extends Document, Contribution {
  type: 'workItemShare';
  orgId: string;
  workItemId: number;
  /** The latest change ids accepted, newest last (a redelivery is recognised within them). */
  applied: string[];
  inFlight: InFlightUpdate | null;
  /** What happened last that a person may want to know (the item was deleted, ...). */
  note: string | null;
  lastRev: number | null;
}

/** Redeliveries come within minutes; a thousand ids cover far more than the queue's retries. */
const KEEP_APPLIED = 1000;
export const shareId = (workItemId: number) => `workItemShare:${workItemId}`;

export function emptyShare(orgId: string, workItemId: number): WorkItemShareDoc {
  return {
    id: shareId(workItemId), pk: orgId, type: 'workItemShare', schemaVersion: 1, orgId, workItemId,
    trackedSeconds: 0, writtenHours: 0, takenHours: 0, applied: [], inFlight: null, note: null, lastRev: null,
  };
}

export async function readShare(store: DocumentStore, orgId: string, workItemId: number): Promise<Stored<WorkItemShareDoc> | WorkItemShareDoc> {
  return (await store.read<WorkItemShareDoc>('orgs', orgId, shareId(workItemId))) ?? emptyShare(orgId, workItemId);
}

/** The share with one more change counted. */
export function accept(share: WorkItemShareDoc, changeId: string, seconds: number): WorkItemShareDoc {
  return { ...share, trackedSeconds: share.trackedSeconds + seconds, applied: [...share.applied, changeId].slice(-KEEP_APPLIED) };
}

/** Writes `next` only if the share is still as `read`; undefined when someone else wrote it first. */
export async function saveShare(store: DocumentStore, read: WorkItemShareDoc, next: WorkItemShareDoc): Promise<Stored<WorkItemShareDoc> | undefined> {
  const { _etag: etag, ...doc } = { ...next, _etag: (read as Partial<Stored<WorkItemShareDoc>>)._etag };
  try {
    return etag === undefined ? await store.create('orgs', doc) : await store.replace('orgs', doc, etag);
  } catch (error) {
    if (error instanceof StorePreconditionError || error instanceof StoreConflictError) return undefined;
    throw error;
  }
}
