import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../../shared/ports/document-store.js';

/**
 * A store that plays a process killed with SIGKILL: once armed, it lets a number of
 * batches to the 'worklogs' container through, then fails the next and refuses every
 * later call, so no clean-up of the dead process can reach the data. The underlying
 * store stays open for the restarted app. It can also advertise a smaller batch limit,
 * so that SQLite takes the path Cosmos takes for more than 100 operations.
 */
export class CrashingStore implements DocumentStore {
  /** Every batch to 'worklogs' that reached the underlying store, as its operation count. */
  readonly batches: number[] = [];
  private batchesLeft = Infinity;
  private createsLeft = Infinity;
  private dead = false;

  constructor(
    private readonly inner: DocumentStore,
    readonly maxBatchOperations = inner.maxBatchOperations,
  ) {}

  /** The process dies on the worklog batch after the next `batches` ones. */
  crashAfter(batches: number) {
    this.batchesLeft = batches;
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.alive(() => this.inner.read<T>(container, pk, id));
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.alive(() => this.inner.query<T>(container, query));
  }

  /** The process dies on the single-document create to 'worklogs' after the next `creates` ones. */
  crashAfterCreates(creates: number) {
    this.createsLeft = creates;
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.alive(async () => {
      if (container === 'worklogs' && this.createsLeft-- <= 0) this.die();
      return this.inner.create(container, doc);
    });
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.alive(() => this.inner.upsert(container, doc));
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.alive(() => this.inner.replace(container, doc, ifMatch));
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.alive(() => this.inner.delete(container, pk, id, ifMatch));
  }

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    if (operations.length > this.maxBatchOperations) throw new RangeError(`a batch holds at most ${this.maxBatchOperations} operations`);
    return this.alive(async () => {
      if (container === 'worklogs') {
        if (this.batchesLeft-- <= 0) this.die();
        this.batches.push(operations.length);
      }
      return this.inner.batch(container, pk, operations);
    });
  }

  /** The dead process's handle goes; the data stays for the restart. */
  async close() {}

  private async alive<T>(call: () => Promise<T>): Promise<T> {
    if (this.dead) throw new Error('the process was killed');
    return call();
  }

  private die(): never {
    this.dead = true;
    throw new Error('the process was killed');
  }
}
