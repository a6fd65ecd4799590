import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../shared/ports/document-store.js';

/** Store calls made since the last reset: reads, queries, write calls (a batch is one), documents written. */
export interface StoreCounts {
  reads: number;
  queries: number;
  writes: number;
  docsWritten: number;
}

const zero = (): StoreCounts => ({ reads: 0, queries: 0, writes: 0, docsWritten: 0 });

/** Wraps a real DocumentStore and counts what the use cases ask of it. */
export class CountingStore implements DocumentStore {
  private counts = zero();

  constructor(private readonly inner: DocumentStore) {}

  get maxBatchOperations() {
    return this.inner.maxBatchOperations;
  }

  /** The counts so far; starts counting afresh. */
  take(): StoreCounts {
    const taken = this.counts;
    this.counts = zero();
    return taken;
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    this.counts.reads++;
    return this.inner.read<T>(container, pk, id);
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    this.counts.queries++;
    return this.inner.query<T>(container, query);
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    this.wrote(1);
    return this.inner.create(container, doc);
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    this.wrote(1);
    return this.inner.upsert(container, doc);
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    this.wrote(1);
    return this.inner.replace(container, doc, ifMatch);
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    this.wrote(1);
    return this.inner.delete(container, pk, id, ifMatch);
  }

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    this.wrote(operations.length);
    return this.inner.batch(container, pk, operations);
  }

  close() {
    return this.inner.close();
  }

  private wrote(docs: number) {
    this.counts.writes++;
    this.counts.docsWritten += docs;
  }
}
