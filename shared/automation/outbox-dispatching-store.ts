import { DelegatingStore } from '../ports/delegating-store.js';
import type { BatchOperation, ContainerName, DocumentStore } from '../ports/document-store.js';
import type { MessageQueue } from '../ports/message-queue.js';
import { dispatchOutbox, OUTBOX_TYPE, type WorkItemOutboxDoc } from './work-item-outbox.js';

/**
 * A store that sends a work item outbox record to the queue as soon as the batch that
 * created it holds: every ledger commit passes here, whichever use case made it, so none of
 * them needs to know that time is written back. A failed send is logged and left to the
 * sweep (the record stays); the worklog write it belongs to has succeeded.
 */
export function outboxDispatchingStore(store: DocumentStore, queue: MessageQueue, log: (line: string) => void = console.error): DocumentStore {
  return new OutboxDispatchingStore(store, queue, log);
}

const outboxIn = (operations: readonly BatchOperation[]) =>
  operations.flatMap((op) => (op.op === 'create' && op.doc.type === OUTBOX_TYPE ? [op.doc as WorkItemOutboxDoc] : []));

class OutboxDispatchingStore extends DelegatingStore {
  constructor(inner: DocumentStore, private readonly queue: MessageQueue, private readonly log: (line: string) => void) {
    super(inner);
  }

  override async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    await this.inner.batch(container, pk, operations);
    for (const doc of container === 'worklogs' ? outboxIn(operations) : []) {
      try {
        await dispatchOutbox(this.queue, this.inner, doc);
      } catch (error) {
        this.log(`work item outbox ${doc.id}: not sent, the sweep will (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
}
