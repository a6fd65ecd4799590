import type { BatchOperation, ContainerName, Document } from '../shared/ports/document-store.js';
import { DelegatingStore } from '../shared/ports/delegating-store.js';

const isRollupId = (id: string) => id.startsWith('rollup:');
const keepsNoRollup = (operation: BatchOperation) => !isRollupId(operation.op === 'delete' ? operation.id : operation.doc.id);

/**
 * Timehub as it was before rollups, for the cost of keeping them: a store that has no
 * rollup documents (reads find none) and drops every rollup write from its batches. The
 * ledger still computes the cells of a fresh rollup, a few microseconds of the difference.
 */
export class RollupFreeStore extends DelegatingStore {
  override async read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return isRollupId(id) ? undefined : this.inner.read<T>(container, pk, id);
  }

  override batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    return this.inner.batch(container, pk, operations.filter(keepsNoRollup));
  }
}
