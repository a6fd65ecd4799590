/**
 * The document store port: Cosmos DB semantics (containers, partition keys, ETags,
 * per-document TTL, single-partition transactional batches), whatever adapter runs.
 */

/** 'subscriptions' holds the vendor's subscription records (pk = subscription id), apart from any org. */
export type ContainerName = 'orgs' | 'worklogs' | 'subscriptions';

/** Every stored document has these fields; `ttl` is in seconds, as in Cosmos. */
export interface Document {
  id: string;
  pk: string;
  type: string;
  schemaVersion: number;
  ttl?: number;
}

/** A document as read back from the store, with the ETag for conditional writes. */
export type Stored<T extends Document> = T & { _etag: string };

export type Scalar = string | number | boolean | null;

export type Condition =
  | { field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Scalar }
  | { field: string; op: 'in'; value: Scalar[] };

export interface Query {
  /** One partition, or every partition (never on a hot path: see DESIGN.md). */
  partition: { pk: string } | { crossPartition: true };
  where?: Condition[];
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  /**
   * Keyset paging: only documents after this key in `orderBy`'s order, one non-null value
   * per orderBy field. End orderBy with a unique field (id) so that ties page exactly once.
   */
  after?: Scalar[];
  /** The other end: only documents up to and including this key in `orderBy`'s order. */
  until?: Scalar[];
  offset?: number;
  limit?: number;
  /**
   * Top-level fields to return, for reads that need a small part of large documents: each
   * document then holds only these (plus id, pk and _etag), and an absent field is null.
   */
  select?: readonly string[];
}

export type BatchOperation =
  | { op: 'create'; doc: Document }
  | { op: 'upsert'; doc: Document }
  | { op: 'replace'; doc: Document; ifMatch?: string }
  | { op: 'delete'; id: string; ifMatch?: string };

export interface DocumentStore {
  /**
   * The most operations one `batch` call accepts, all or none. Cosmos allows 100; SQLite
   * takes a whole API batch (500 worklogs and their bookkeeping) in one transaction.
   * Callers with more split them, and make the split all-or-none themselves.
   */
  readonly maxBatchOperations: number;
  read<T extends Document>(container: ContainerName, pk: string, id: string): Promise<Stored<T> | undefined>;
  query<T extends Document>(container: ContainerName, query: Query): Promise<Stored<T>[]>;
  create<T extends Document>(container: ContainerName, doc: T): Promise<Stored<T>>;
  upsert<T extends Document>(container: ContainerName, doc: T): Promise<Stored<T>>;
  replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string): Promise<Stored<T>>;
  delete(container: ContainerName, pk: string, id: string, ifMatch?: string): Promise<void>;
  /** All operations succeed or none does. Every operation is in partition `pk`. */
  batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void>;
  /**
   * Removes documents whose TTL has run out; returns how many. Only stores that do not
   * expire documents themselves need it (SQLite hides them from reads; Cosmos deletes them).
   */
  purgeExpired?(): Promise<number>;
  close(): Promise<void>;
}

/** A document with that id already exists in the partition (HTTP 409 in Cosmos). */
export class StoreConflictError extends Error {
  constructor(readonly id: string) {
    super(`document ${id} already exists`);
    this.name = 'StoreConflictError';
  }
}

/** The ETag did not match, or the document to replace is gone (412 / 404 in Cosmos). */
export class StorePreconditionError extends Error {
  constructor(readonly id: string) {
    super(`document ${id} changed or is missing`);
    this.name = 'StorePreconditionError';
  }
}
