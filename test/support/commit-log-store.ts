import type { BatchOperation, ContainerName } from '../../shared/ports/document-store.js';
import { DelegatingStore } from '../../shared/ports/delegating-store.js';

/** A store that records every batch that committed, in commit order: what a race test replays. */
export class CommitLogStore extends DelegatingStore {
  readonly commits: { pk: string; operations: BatchOperation[] }[] = [];

  override async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    await this.inner.batch(container, pk, operations);
    if (container === 'worklogs') this.commits.push({ pk, operations: structuredClone(operations) });
  }
}
