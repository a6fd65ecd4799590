import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../../shared/ports/document-store.js';

interface Hold {
  at: number;
  reached: () => void;
  released: Promise<void>;
}

/**
 * A store that counts worklog queries and lets a test stop one in its tracks (`hold`) or make
 * one fail (`failAt`), so that what a reader does around it is driven step by step.
 */
export class GatedStore implements DocumentStore {
  worklogQueries = 0;
  private hold: Hold | undefined;
  private failing: number | undefined;

  constructor(private readonly inner: DocumentStore) {}

  get maxBatchOperations() {
    return this.inner.maxBatchOperations;
  }

  /** Holds the `nth` worklog query from now until `release`; `reached` resolves when it starts. */
  holdQuery(nth: number) {
    let release!: () => void;
    let reached!: () => void;
    const started = new Promise<void>((resolve) => (reached = resolve));
    this.hold = { at: this.worklogQueries + nth, reached, released: new Promise((resolve) => (release = resolve)) };
    return { reached: started, release: () => release() };
  }

  /** The `nth` worklog query from now rejects, as a store outage would. */
  failQuery(nth: number) {
    this.failing = this.worklogQueries + nth;
  }

  async query<T extends Document>(container: ContainerName, query: Query) {
    if (container === 'worklogs') {
      const n = ++this.worklogQueries;
      if (this.failing === n) throw new Error('the store is unreachable');
      if (this.hold?.at === n) {
        this.hold.reached();
        await this.hold.released;
      }
    }
    return this.inner.query<T>(container, query);
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.inner.read<T>(container, pk, id);
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
