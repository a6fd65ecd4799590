import type { BatchOperation, ContainerName, Document, DocumentStore, Query } from '../ports/document-store.js';
import { upgradeDocument } from './upgrade-document.js';

/**
 * Any document store, with every document it reads upgraded to the version this release
 * writes. The ETag stays the stored one, so the next conditional write stores the upgrade.
 * Queries still filter on the stored fields: a filter on a field that an upgrade adds
 * does not see older documents until they are written again.
 */
export function upgradingDocumentStore(store: DocumentStore): DocumentStore {
  return {
    maxBatchOperations: store.maxBatchOperations,
    async read<T extends Document>(container: ContainerName, pk: string, id: string) {
      const doc = await store.read<T>(container, pk, id);
      return doc && upgradeDocument(doc);
    },
    async query<T extends Document>(container: ContainerName, query: Query) {
      return (await store.query<T>(container, query)).map((doc) => upgradeDocument(doc));
    },
    create: <T extends Document>(container: ContainerName, doc: T) => store.create(container, doc),
    upsert: <T extends Document>(container: ContainerName, doc: T) => store.upsert(container, doc),
    replace: <T extends Document>(container: ContainerName, doc: T, ifMatch?: string) => store.replace(container, doc, ifMatch),
    delete: (container: ContainerName, pk: string, id: string, ifMatch?: string) => store.delete(container, pk, id, ifMatch),
    batch: (container: ContainerName, pk: string, operations: BatchOperation[]) => store.batch(container, pk, operations),
    ...(store.purgeExpired && { purgeExpired: store.purgeExpired.bind(store) }),
    close: () => store.close(),
  };
}
