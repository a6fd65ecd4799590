import type { BatchOperation, ContainerName, Document, DocumentStore, Query, Stored } from '../ports/document-store.js';

/**
 * A store for one request that reads each org-level document at most once: the role
 * check, the subscription gate and the use case all need the organization document.
 * Any write to the `orgs` container, or a failed one, forgets what was read, so a
 * read-modify-write never works from a stale ETag.
 */
export function requestScopedStore(store: DocumentStore): DocumentStore {
  const reads = new Map<string, Promise<Stored<Document> | undefined>>();
  const forgetAfter = async <T>(container: ContainerName, write: () => Promise<T>): Promise<T> => {
    if (container !== 'orgs') return write();
    try {
      return await write();
    } finally {
      reads.clear();
    }
  };
  return {
    maxBatchOperations: store.maxBatchOperations,
    read<T extends Document>(container: ContainerName, pk: string, id: string) {
      if (container !== 'orgs') return store.read<T>(container, pk, id);
      const key = `${pk}\u0000${id}`;
      let read = reads.get(key);
      if (!read) {
        read = store.read<Document>(container, pk, id);
        reads.set(key, read);
        read.catch(() => reads.delete(key));
      }
      // A copy each time: one caller changing its document must not change another's.
      return read.then((doc) => (doc ? structuredClone(doc) : undefined)) as Promise<Stored<T> | undefined>;
    },
    query: <T extends Document>(container: ContainerName, query: Query) => store.query<T>(container, query),
    create: <T extends Document>(container: ContainerName, doc: T) => forgetAfter(container, () => store.create(container, doc)),
    upsert: <T extends Document>(container: ContainerName, doc: T) => forgetAfter(container, () => store.upsert(container, doc)),
    replace: <T extends Document>(container: ContainerName, doc: T, ifMatch?: string) =>
      forgetAfter(container, () => store.replace(container, doc, ifMatch)),
    delete: (container: ContainerName, pk: string, id: string, ifMatch?: string) =>
      forgetAfter(container, () => store.delete(container, pk, id, ifMatch)),
    batch: (container: ContainerName, pk: string, operations: BatchOperation[]) =>
      forgetAfter(container, () => store.batch(container, pk, operations)),
    ...(store.purgeExpired ? { purgeExpired: store.purgeExpired.bind(store) } : {}),
    close: () => store.close(),
  };
}
