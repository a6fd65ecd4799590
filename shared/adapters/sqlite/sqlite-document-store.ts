import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../ports/clock.js';
import {
  StoreConflictError,
  StorePreconditionError,
  type BatchOperation,
  type ContainerName,
  type Document,
  type DocumentStore,
  type Query,
  type Stored,
} from '../../ports/document-store.js';
import { splitAtTies, toSql } from './sqlite-query.js';
import { INDEXED_COLUMNS, migrateSchema, type IndexedField } from './sqlite-schema.js';
import { StatementCache } from './statement-cache.js';

interface Row {
  body: string;
  etag: string;
}

/**
 * The embedded document store: one SQLite file holding JSON documents with Cosmos
 * semantics. It is a document store, not a relational model.
 */
export class SqliteDocumentStore implements DocumentStore {
  /**
   * One SQLite transaction has no operation limit; this bound keeps one batch from
   * holding the event loop for long, and is well above the largest API batch.
   */
  readonly maxBatchOperations = 1_000;
  private readonly db: Database.Database;
  private readonly statements: StatementCache;

  constructor(
    file: string,
    private readonly clock: Clock,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.statements = new StatementCache(this.db);
    // A new file only (an existing one keeps its page size). With 4 KB pages a worklog of
    // about 1 KB spilled onto an overflow page of its own: two random reads per worklog.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    migrateSchema(this.db);
  }

  async read<T extends Document>(container: ContainerName, pk: string, id: string) {
    return this.readNow<T>(container, pk, id);
  }

  async query<T extends Document>(container: ContainerName, query: Query): Promise<Stored<T>[]> {
    return this.queryNow<T>(container, query);
  }

  async create<T extends Document>(container: ContainerName, doc: T) {
    return this.db.transaction(() => this.createNow(container, doc))();
  }

  async upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.write(container, doc);
  }

  async replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    return this.db.transaction(() => this.replaceNow(container, doc, ifMatch))();
  }

  async delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    this.db.transaction(() => this.deleteNow(container, pk, id, ifMatch))();
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    if (operations.length > this.maxBatchOperations) {
      throw new RangeError(`a batch holds at most ${this.maxBatchOperations} operations`);
    }
    this.db.transaction(() => {
      for (const operation of operations) {
        if (operation.op === 'delete') {
          this.deleteNow(container, pk, operation.id, operation.ifMatch);
          continue;
        }
        if (operation.doc.pk !== pk) throw new RangeError(`document ${operation.doc.id} is not in partition ${pk}`);
        if (operation.op === 'create') this.createNow(container, operation.doc);
        else if (operation.op === 'replace') this.replaceNow(container, operation.doc, operation.ifMatch);
        else this.write(container, operation.doc);
      }
    })();
  }

  /** Expired documents are hidden from reads at once; this removes them from the file. */
  async purgeExpired() {
    return this.statement('DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= ?').run(this.clock.now().getTime()).changes;
  }

  async close() {
    this.db.close();
  }

  /** How many prepared statements are cached (tests check that it stays bounded). */
  get cachedStatements(): number {
    return this.statements.size;
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  /** Synchronous throughout; a cross-partition keyset query runs as two seeks (see splitAtTies). */
  private queryNow<T extends Document>(container: ContainerName, query: Query): Stored<T>[] {
    const split = splitAtTies(query);
    if (split) {
      const { offset = 0, limit } = query;
      const ties = split.ties ? this.queryNow<T>(container, { ...split.ties, offset: 0, limit: limit === undefined ? undefined : offset + limit }) : [];
      const page = ties.slice(offset, limit === undefined ? undefined : offset + limit);
      if (limit !== undefined && page.length >= limit) return page;
      const rest = { ...split.rest, offset: Math.max(0, offset - ties.length), limit: limit === undefined ? undefined : limit - page.length };
      return [...page, ...this.queryNow<T>(container, rest)];
    }
    const { sql, params } = toSql(container, query, this.clock.now().getTime());
    return (this.statement(sql).all(...params) as Row[]).map((row) => withEtag<T>(row));
  }

  private readNow<T extends Document>(container: ContainerName, pk: string, id: string) {
    const row = this
      .statement(
        `SELECT body, etag FROM documents WHERE container = ? AND pk = ? AND id = ?
         AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .get(container, pk, id, this.clock.now().getTime()) as Row | undefined;
    return row ? withEtag<T>(row) : undefined;
  }

  /** The ETag alone, for preconditions: a write never parses the body it replaces. */
  private etagNow(container: ContainerName, pk: string, id: string): string | undefined {
    const row = this
      .statement(
        `SELECT etag FROM documents WHERE container = ? AND pk = ? AND id = ?
         AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .get(container, pk, id, this.clock.now().getTime()) as { etag: string } | undefined;
    return row?.etag;
  }

  private createNow<T extends Document>(container: ContainerName, doc: T) {
    if (this.etagNow(container, doc.pk, doc.id) !== undefined) throw new StoreConflictError(doc.id);
    return this.write(container, doc);
  }

  private replaceNow<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    const current = this
      .statement(
        `SELECT etag, ${COLUMNS} FROM documents WHERE container = ? AND pk = ? AND id = ?
         AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .get(container, doc.pk, doc.id, this.clock.now().getTime()) as ({ etag: string } & Record<string, unknown>) | undefined;
    if (current === undefined || (ifMatch !== undefined && current.etag !== ifMatch)) throw new StorePreconditionError(doc.id);
    return this.write(container, doc, current);
  }

  private deleteNow(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    const current = this.etagNow(container, pk, id);
    if (current === undefined || (ifMatch !== undefined && current !== ifMatch)) throw new StorePreconditionError(id);
    this.statement('DELETE FROM documents WHERE container = ? AND pk = ? AND id = ?').run(container, pk, id);
  }

  /**
   * `current`: the stored row's indexed columns, when the caller read them. A replace that
   * leaves them all as they are (a user's state, a rollup) rewrites the body alone: SQLite
   * rewrites every index whose column an UPDATE sets, whatever the value, which made such
   * a replace cost four times what the body does.
   */
  private write<T extends Document>(container: ContainerName, doc: T, current?: Record<string, unknown>): Stored<T> {
    const { _etag: _ignored, ...plain } = doc as T & { _etag?: string };
    const etag = `"${randomUUID()}"`;
    const expiresAt = plain.ttl && plain.ttl > 0 ? this.clock.now().getTime() + plain.ttl * 1000 : null;
    const values = FIELDS.map((field) => columnValue(valueAt(plain, field)));
    if (current && FIELDS.every((field, index) => current[INDEXED_COLUMNS[field]] === values[index])) {
      this
        .statement('UPDATE documents SET body = ?, etag = ?, expires_at = ? WHERE container = ? AND pk = ? AND id = ?')
        .run(JSON.stringify(plain), etag, expiresAt, container, plain.pk, plain.id);
      return { ...(plain as T), _etag: etag };
    }
    this
      .statement(
        `INSERT INTO documents (container, pk, id, body, etag, expires_at, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ${COLUMNS.replace(/\w+/g, '?')})
         ON CONFLICT (container, pk, id) DO UPDATE SET body = excluded.body, etag = excluded.etag,
         expires_at = excluded.expires_at, ${COLUMNS.split(', ').map((column) => `${column} = excluded.${column}`).join(', ')}`,
      )
      .run(container, plain.pk, plain.id, JSON.stringify(plain), etag, expiresAt, ...values);
    return { ...(plain as T), _etag: etag };
  }
}

const PAGE_SIZE = 8192;
const FIELDS = Object.keys(INDEXED_COLUMNS) as IndexedField[];
const COLUMNS = FIELDS.map((field) => INDEXED_COLUMNS[field]).join(', ');

/** The value at a field's path ('item.parentId': the parentId of the item object). */
function valueAt(doc: object, field: string): unknown {
  let value: unknown = doc;
  for (const key of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** What json_extract would give for the field, so that the columns and the body never disagree. */
function columnValue(value: unknown): string | number | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The parsed body gets the ETag in place rather than being copied: every list and export reads through here. */
function withEtag<T extends Document>(row: Row): Stored<T> {
  const doc = JSON.parse(row.body) as Stored<T>;
  doc._etag = row.etag;
  return doc;
}
