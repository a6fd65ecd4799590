import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../shared/ports/document-store.js';

const isRollupId = (id: string) => id.startsWith('rollup:');
const keepsNoRollup = (operation: BatchOperation) => !isRollupId(operation.op === 'delete' ? operation.id : operation.doc.id);

/**
 * Timehub as it was before rollups, for the cost of keeping them: a store that has no
 * rollup documents (reads find none) and drops every rollup write from its batches. The
 * ledger still computes the cells of a fresh rollup, a few microseconds of the difference.
 */
export class RollupFreeStore implements DocumentStore {
  constructor(private readonly inner: DocumentStore) {}

  get maxBatchOperations() {
    return this.inner.maxBatchOperations;
  }

  async read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return isRollupId(id) ? undefined : this.inner.read<T>(container, pk, id);
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
    return this.inner.batch(container, pk, operations.filter(keepsNoRollup));
  }

  close() {
    return this.inner.close();
  }
}
