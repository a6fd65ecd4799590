import {
  StoreConflictError,
  StorePreconditionError,
  type BatchOperation,
  type ContainerName,
  type Document,
  type DocumentStore,
  type Query,
} from '../../shared/ports/document-store.js';

/**
 * A document store that yields to the event loop before and after every call, as a
 * store behind a network does. The embedded SQLite store answers synchronously, so
 * without this, concurrent HTTP requests would rarely interleave between a read and
 * the conditional write that follows it. It waits on no timer: tests stay fast.
 * It counts the conditional writes that lost a race, to show that races happened.
 */
export class InterleavingStore implements DocumentStore {
  lostRaces = 0;

  constructor(
    private readonly inner: DocumentStore,
    private readonly random: () => number = Math.random,
  ) {}

  get maxBatchOperations() {
    return this.inner.maxBatchOperations;
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.around(() => this.inner.read<T>(container, pk, id));
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.around(() => this.inner.query<T>(container, query));
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.around(() => this.inner.create(container, doc));
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.around(() => this.inner.upsert(container, doc));
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.around(() => this.inner.replace(container, doc, ifMatch));
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.around(() => this.inner.delete(container, pk, id, ifMatch));
  }

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    return this.around(() => this.inner.batch(container, pk, operations));
  }

  close() {
    return this.inner.close();
  }

  private async around<T>(call: () => Promise<T>): Promise<T> {
    await this.yieldSome();
    try {
      return await call();
    } catch (error) {
      if (error instanceof StorePreconditionError || error instanceof StoreConflictError) this.lostRaces++;
      throw error;
    } finally {
      await this.yieldSome();
    }
  }

  /** Zero to three turns of the event loop, so that requests interleave differently each time. */
  private async yieldSome() {
    const turns = Math.floor(this.random() * 4);
    for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
