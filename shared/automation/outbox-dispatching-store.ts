import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../ports/document-store.js';
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

class OutboxDispatchingStore implements DocumentStore {
  constructor(private readonly store: DocumentStore, private readonly queue: MessageQueue, private readonly log: (line: string) => void) {
    if (store.purgeExpired) this.purgeExpired = store.purgeExpired.bind(store);
  }

  get maxBatchOperations() {
    return this.store.maxBatchOperations;
  }

  purgeExpired?: () => Promise<number>;

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.store.read<T>(container, pk, id);
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.store.query<T>(container, query);
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.store.create(container, doc);
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.store.upsert(container, doc);
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.store.replace(container, doc, ifMatch);
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.store.delete(container, pk, id, ifMatch);
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    await this.store.batch(container, pk, operations);
    for (const doc of container === 'worklogs' ? outboxIn(operations) : []) {
      try {
        await dispatchOutbox(this.queue, this.store, doc);
      } catch (error) {
        this.log(`work item outbox ${doc.id}: not sent, the sweep will (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }

  close() {
    return this.store.close();
  }
}
