import { randomUUID } from 'node:crypto';
import { StorePreconditionError, type BatchOperation, type Document, type DocumentStore } from '../ports/document-store.js';
import type { MessageQueue } from '../ports/message-queue.js';
import type { WorklogChange } from '../rollups/rollup-changes.js';
import { isAutomationOn } from './automation-settings.js';

/**
 * A worklog change still to be written to its work items: created in the same batch as the
 * change (the user's partition), so a crash cannot lose it. Sent to the queue right after
 * the commit and deleted; what a crash leaves behind, the sweep sends.
 */
export interface WorkItemOutboxDoc extends Document {
  type: 'workItemOutbox';
  orgId: string;
  userId: string;
  /** [workItemId, seconds added (negative: removed)] */
  deltas: [number, number][];
}

/** The message that carries one work item's share of an outbox record. */
export interface WorkItemTimeMessage {
  kind: 'workItemTime';
  orgId: string;
  workItemId: number;
  seconds: number;
  /** Unique per outbox record and work item: the handler applies each once. */
  changeId: string;
}

export const OUTBOX_TYPE = 'workItemOutbox';
export const WORK_ITEM_QUEUE = 'work-item-updates' as const;

/** The time each work item gains or loses by `changes`; zero sums (a comment edit) drop out. */
export function timeDeltas(changes: readonly WorklogChange[]): [number, number][] {
  const sums = new Map<number, number>();
  for (const { worklog, sign } of changes) {
    if (worklog.workItemId !== null) sums.set(worklog.workItemId, (sums.get(worklog.workItemId) ?? 0) + sign * worklog.length);
  }
  return [...sums].filter(([, seconds]) => seconds !== 0);
}

/** The one create the ledger adds to a commit that moves time, when the org writes time back. */
export async function outboxOperations(store: DocumentStore, pk: string, orgId: string, userId: string, changes: readonly WorklogChange[]): Promise<BatchOperation[]> {
  const deltas = timeDeltas(changes);
  if (deltas.length === 0 || !(await isAutomationOn(store, orgId))) return [];
  const doc: WorkItemOutboxDoc = { id: `${OUTBOX_TYPE}:${randomUUID()}`, pk, type: OUTBOX_TYPE, schemaVersion: 1, orgId, userId, deltas };
  return [{ op: 'create', doc }];
}

/** One message per work item (duplicate detection drops a resend), then the record goes. */
export async function dispatchOutbox(queue: MessageQueue, store: DocumentStore, doc: WorkItemOutboxDoc): Promise<void> {
  for (const [workItemId, seconds] of doc.deltas) {
    const changeId = `${doc.id}:${workItemId}`;
    const body: WorkItemTimeMessage = { kind: 'workItemTime', orgId: doc.orgId, workItemId, seconds, changeId };
    await queue.send(WORK_ITEM_QUEUE, { messageId: changeId, body });
  }
  try {
    await store.delete('worklogs', doc.pk, doc.id);
  } catch (error) {
    // Another dispatch of the same record (the sweep, a retry) deleted it first.
    if (!(error instanceof StorePreconditionError)) throw error;
  }
}

/** Sends what a crash between commit and dispatch left behind; returns how many records. */
export async function sweepOutbox(ports: { store: DocumentStore; queue: MessageQueue }): Promise<number> {
  const left = await ports.store.query<WorkItemOutboxDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [{ field: 'type', op: '=', value: OUTBOX_TYPE }],
  });
  for (const doc of left) await dispatchOutbox(ports.queue, ports.store, doc);
  return left.length;
}
