import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../../shared/ports/document-store.js';

/** A store that records every batch that committed, in commit order: what a race test replays. */
export class CommitLogStore implements DocumentStore {
  readonly commits: { pk: string; operations: BatchOperation[] }[] = [];

  constructor(private readonly inner: DocumentStore) {}

  get maxBatchOperations() {
    return this.inner.maxBatchOperations;
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.inner.read<T>(container, pk, id);
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.inner.query<T>(container, query);
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.inner.create(container, doc);
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.inner.upsert(container, doc);
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.inner.replace(container, doc, ifMatch);
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.inner.delete(container, pk, id, ifMatch);
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    await this.inner.batch(container, pk, operations);
    if (container === 'worklogs') this.commits.push({ pk, operations: structuredClone(operations) });
  }

  close() {
    return this.inner.close();
  }
}
