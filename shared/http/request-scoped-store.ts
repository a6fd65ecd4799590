import type { BatchOperation, ContainerName, Document, DocumentStore, Query, Stored } from '../ports/document-store.js';

/**
 * A store for one request that reads each org-level document at most once: the role
 * check, the subscription gate and the use case all need the organization document.
 * Any write to the `orgs` container, or a failed one, forgets what was read, so a
 * read-modify-write never works from a stale ETag.
 */
export function requestScopedStore(store: DocumentStore): DocumentStore {
  return new RequestScopedStore(store);
}

// A class, so that a request allocates one object and not a closure per method.
class RequestScopedStore implements DocumentStore {
  private readonly reads = new Map<string, Promise<Stored<Document> | undefined>>();

  constructor(private readonly store: DocumentStore) {
    if (store.purgeExpired) this.purgeExpired = store.purgeExpired.bind(store);
  }

  get maxBatchOperations() {
    return this.store.maxBatchOperations;
  }

  purgeExpired?: () => Promise<number>;

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    if (container !== 'orgs') return this.store.read<T>(container, pk, id);
    const key = `${pk}\u0000${id}`;
    let read = this.reads.get(key);
    if (!read) {
      read = this.store.read<Document>(container, pk, id);
      this.reads.set(key, read);
      read.catch(() => this.reads.delete(key));
    }
    // A copy each time: one caller changing its document must not change another's.
    return read.then((doc) => (doc ? structuredClone(doc) : undefined)) as Promise<Stored<T> | undefined>;
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.store.query<T>(container, query);
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.forgetAfter(container, () => this.store.create(container, doc));
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.forgetAfter(container, () => this.store.upsert(container, doc));
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.forgetAfter(container, () => this.store.replace(container, doc, ifMatch));
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.forgetAfter(container, () => this.store.delete(container, pk, id, ifMatch));
  }

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    return this.forgetAfter(container, () => this.store.batch(container, pk, operations));
  }

  close() {
    return this.store.close();
  }

  private async forgetAfter<T>(container: ContainerName, write: () => Promise<T>): Promise<T> {
    if (container !== 'orgs') return write();
    try {
      return await write();
    } finally {
      this.reads.clear();
    }
  }
}
