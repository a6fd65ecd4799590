import type { Clock } from '../shared/ports/clock.js';
import type { BatchOperation, ContainerName, Document, DocumentStore } from '../shared/ports/document-store.js';
import { DelegatingStore } from '../shared/ports/delegating-store.js';

const isRollupId = (id: string) => id.startsWith('rollup:');
const rollupIdOf = (operation: BatchOperation) => (operation.op === 'delete' ? operation.id : operation.doc.id);

/**
 * Timehub as it was before rollups, for the cost of keeping them: a store that has no
 * rollup documents (reads find none) and drops every rollup write from its batches. The
 * ledger still computes the cells of a fresh rollup, a few microseconds of the difference.
 *
 * Time passes as on the side that keeps them: the SQLite store reads the clock once per
 * point read and per batch operation, and the bench's step clock moves a second per
 * reading, so a side that skipped those readings would age its caches (work items, access,
 * automation settings) more slowly and refresh them less often than the side it is
 * compared with. Each dropped read or write reads the clock as the store would have.
 */
export class RollupFreeStore extends DelegatingStore {
  constructor(
    inner: DocumentStore,
    private readonly clock: Clock,
  ) {
    super(inner);
  }

  override async read<T extends Document>(container: ContainerName, pk: string, id: string) {
    if (!isRollupId(id)) return this.inner.read<T>(container, pk, id);
    this.clock.now();
    return undefined;
  }

  override batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    const kept = operations.filter((operation) => !isRollupId(rollupIdOf(operation)));
    for (let dropped = operations.length - kept.length; dropped > 0; dropped--) this.clock.now();
    return this.inner.batch(container, pk, kept);
  }
}
