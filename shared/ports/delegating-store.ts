import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from './document-store.js';

/** A DocumentStore that hands every call to `inner`: a decorator overrides only what it changes. */
export class DelegatingStore implements DocumentStore {
  constructor(protected readonly inner: DocumentStore) {}

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

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    return this.inner.batch(container, pk, operations);
  }

  purgeExpired() {
    return this.inner.purgeExpired?.() ?? Promise.resolve(0);
  }

  close() {
    return this.inner.close();
  }
}
