import { apiTokenDocId } from '../identity/api-tokens.js';
import { VerifiedSessions } from '../identity/verified-sessions.js';
import { orgUserId } from '../orgs/org-users.js';
import type { Clock } from '../ports/clock.js';
import type { BatchOperation, ContainerName, Document, DocumentStore, Query, Stored } from '../ports/document-store.js';

/** How long another instance may act on an access document after it changed (this instance forgets at once). */
export const ACCESS_STALENESS_MS = 5_000;
/** At most this many documents are kept; the oldest go first. */
export const ACCESS_CACHE_ENTRIES = 10_000;

interface Entry {
  readAt: number;
  doc: Promise<Stored<Document> | undefined>;
}

const USER_PREFIX = orgUserId('');
const TOKEN_PREFIX = apiTokenDocId('');
/** What the access check of every request reads: the API token, the organization and the caller's orgUser document. */
const isAccessDocument = (container: ContainerName, id: string) =>
  container === 'orgs' && (id === 'organization' || id.startsWith(USER_PREFIX) || id.startsWith(TOKEN_PREFIX));
const keyOf = (pk: string, id: string) => `${pk}\u0000${id}`;
const idOf = (operation: BatchOperation) => ('doc' in operation ? operation.doc.id : operation.id);

/**
 * A process-local cache of the access documents, so that a request reads only its own
 * state. Function instances share one store and cannot tell each other about writes, so
 * an entry is trusted for at most `maxAgeMs` by the clock port: a revoked API token, a
 * role change or an uninstall on another instance takes effect within that bound. (A
 * token's secret and expiry are still checked on every request, against the cached hash.)
 * Every write through `store` forgets the documents it names, so on this instance it
 * takes effect at once. Only the access check reads through `readerOver`; use cases read
 * the store itself and never see a cached ETag.
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  /** The process's store, for everything: a write, successful or not, forgets what it names. */
  readonly store: DocumentStore;
  /** Session tokens already verified, until they expire. */
  readonly sessions = new VerifiedSessions();

  constructor(
    inner: DocumentStore,
    private readonly clock: Clock,
    readonly maxAgeMs = ACCESS_STALENESS_MS,
    private readonly maxEntries = ACCESS_CACHE_ENTRIES,
  ) {
    const forgetAfter = async <R>(container: ContainerName, pk: string, ids: string[], write: () => Promise<R>): Promise<R> => {
      try {
        return await write();
      } finally {
        if (container === 'orgs') for (const id of ids) this.entries.delete(keyOf(pk, id));
      }
    };
    this.store = {
      maxBatchOperations: inner.maxBatchOperations,
      read: <T extends Document>(container: ContainerName, pk: string, id: string) => inner.read<T>(container, pk, id),
      query: <T extends Document>(container: ContainerName, query: Query) => inner.query<T>(container, query),
      create: <T extends Document>(container: ContainerName, doc: T) => forgetAfter(container, doc.pk, [doc.id], () => inner.create(container, doc)),
      upsert: <T extends Document>(container: ContainerName, doc: T) => forgetAfter(container, doc.pk, [doc.id], () => inner.upsert(container, doc)),
      replace: <T extends Document>(container: ContainerName, doc: T, ifMatch?: string) =>
        forgetAfter(container, doc.pk, [doc.id], () => inner.replace(container, doc, ifMatch)),
      delete: (container: ContainerName, pk: string, id: string, ifMatch?: string) =>
        forgetAfter(container, pk, [id], () => inner.delete(container, pk, id, ifMatch)),
      batch: (container: ContainerName, pk: string, operations: BatchOperation[]) =>
        forgetAfter(container, pk, operations.map(idOf), () => inner.batch(container, pk, operations)),
      // Expiry removes documents without naming them: forget everything.
      ...(inner.purgeExpired ? { purgeExpired: () => inner.purgeExpired!().finally(() => this.entries.clear()) } : {}),
      close: () => inner.close(),
    };
  }

  /**
   * The request's store as the access check sees it: access documents come from the cache
   * while fresh; a miss reads through the request's store, so that the use case's own
   * read of the organization in the same request costs nothing.
   */
  readerOver(requestStore: DocumentStore): DocumentStore {
    return new AccessReader(requestStore, (container, pk, id) => this.read(requestStore, container, pk, id));
  }

  /** How many documents are kept now. */
  get size() {
    return this.entries.size;
  }

  private read(via: DocumentStore, container: ContainerName, pk: string, id: string): Promise<Stored<Document> | undefined> {
    if (!isAccessDocument(container, id)) return via.read(container, pk, id);
    const key = keyOf(pk, id);
    const now = this.clock.now().getTime();
    let entry = this.entries.get(key);
    // A clock that went back counts as stale too.
    if (!entry || now - entry.readAt >= this.maxAgeMs || now < entry.readAt) {
      // Frozen, not copied per request (a copy cost more than the rest of the check): a change throws.
      entry = this.remember(key, now, via.read(container, pk, id).then((doc) => doc && deepFreeze(doc)));
    }
    return entry.doc;
  }

  private remember(key: string, readAt: number, doc: Promise<Stored<Document> | undefined>): Entry {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry = { readAt, doc };
    this.entries.set(key, entry);
    doc.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** One per request: everything passes to the request's store but the reads of access documents. */
class AccessReader implements DocumentStore {
  constructor(
    private readonly via: DocumentStore,
    private readonly lookup: (container: ContainerName, pk: string, id: string) => Promise<Stored<Document> | undefined>,
  ) {}

  get maxBatchOperations() {
    return this.via.maxBatchOperations;
  }

  read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.lookup(container, pk, id) as Promise<Stored<T> | undefined>;
  }

  query<T extends Document>(container: ContainerName, query: Query) {
    return this.via.query<T>(container, query);
  }

  create<T extends Document>(container: ContainerName, doc: T) {
    return this.via.create(container, doc);
  }

  upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.via.upsert(container, doc);
  }

  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.via.replace(container, doc, ifMatch);
  }

  delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    return this.via.delete(container, pk, id, ifMatch);
  }

  batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    return this.via.batch(container, pk, operations);
  }

  close() {
    return this.via.close();
  }
}
