import type Database from 'better-sqlite3';
import { QUEUE_MIGRATIONS } from '../local-queue/sqlite-queue-schema.js';
import type { SchemaMigration } from './schema-migration.js';

/** Paths read by hot-path range queries get an expression index each. */
const INDEXED_PATHS = ['timestamp', 'localDay', 'type'];

/**
 * Version 1 is the schema release 0.1.0 created without numbering it (user_version 0):
 * `IF NOT EXISTS` adopts such a file as it is.
 */
const documentsTable: SchemaMigration = {
  version: 1,
  description: 'documents: JSON bodies with Cosmos keys, ETags and expiry',
  up(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS documents (
      container TEXT NOT NULL, pk TEXT NOT NULL, id TEXT NOT NULL,
      body TEXT NOT NULL, etag TEXT NOT NULL, expires_at INTEGER,
      PRIMARY KEY (container, pk, id)) WITHOUT ROWID`);
    for (const path of INDEXED_PATHS) {
      db.exec(`CREATE INDEX IF NOT EXISTS documents_${path}
        ON documents (container, pk, json_extract(body, '$.${path}'))`);
    }
  },
};

/** An org's worklogs across partitions in keyset order (GET /rest/workLogs/all), without a table scan. */
const orgTimestampIndex: SchemaMigration = {
  version: 4,
  description: 'documents: index by org and timestamp for org-wide lists',
  up(db) {
    db.exec(`CREATE INDEX IF NOT EXISTS documents_org_timestamp
      ON documents (container, json_extract(body, '$.orgId'), json_extract(body, '$.timestamp'), id)`);
  },
};

/** A report reads an org's rollups of some periods across partitions (reports/read-rollup-cells.ts), without a table scan. */
const orgRollupIndex: SchemaMigration = {
  version: 5,
  description: 'documents: index by org, type and period for reports over rollups',
  up(db) {
    db.exec(`CREATE INDEX IF NOT EXISTS documents_org_type_period
      ON documents (container, json_extract(body, '$.orgId'), json_extract(body, '$.type'), json_extract(body, '$.period'))`);
  },
};

/**
 * The fields that hot-path queries filter, sort and seek on, copied into columns at every
 * write (sqlite-document-store.ts) so that indexes read a column instead of parsing the
 * body: a rollup document of 10 KB was parsed once per expression index and write, which
 * made keeping rollups cost twice what the worklog did.
 */
const VERSION_6_COLUMNS = { timestamp: 'f_timestamp', localDay: 'f_localDay', type: 'f_type', orgId: 'f_orgId', period: 'f_period' } as const;
export const INDEXED_COLUMNS = { ...VERSION_6_COLUMNS, 'item.parentId': 'f_itemParentId', workItemId: 'f_workItemId' } as const;
export type IndexedField = keyof typeof INDEXED_COLUMNS;

const indexedColumns: SchemaMigration = {
  version: 6,
  description: 'documents: indexed fields in columns, copied from the body at every write',
  up(db) {
    const fields = Object.entries(VERSION_6_COLUMNS);
    for (const [, column] of fields) db.exec(`ALTER TABLE documents ADD COLUMN ${column}`);
    db.exec(`UPDATE documents SET ${fields.map(([field, column]) => `${column} = json_extract(body, '$.${field}')`).join(', ')}`);
    for (const name of ['timestamp', 'localDay', 'type', 'org_timestamp', 'org_type_period']) db.exec(`DROP INDEX IF EXISTS documents_${name}`);
    // The same names and shapes as the expression indexes they replace.
    db.exec('CREATE INDEX documents_timestamp ON documents (container, pk, f_timestamp)');
    db.exec('CREATE INDEX documents_localDay ON documents (container, pk, f_localDay)');
    db.exec('CREATE INDEX documents_type ON documents (container, pk, f_type)');
    db.exec('CREATE INDEX documents_org_timestamp ON documents (container, f_orgId, f_timestamp, id)');
    db.exec('CREATE INDEX documents_org_type_period ON documents (container, f_orgId, f_type, f_period)');
  },
};

/** A budget's status walks the work item cache by parent, a level at a time (work-items/work-item-docs.ts), without a partition scan. */
const workItemParentColumn: SchemaMigration = {
  version: 7,
  description: 'documents: the work item cache indexed by parent, in a column like the other indexed fields',
  up(db) {
    db.exec('ALTER TABLE documents ADD COLUMN f_itemParentId');
    db.exec(`UPDATE documents SET f_itemParentId = json_extract(body, '$.item.parentId') WHERE f_type = 'workItem'`);
    db.exec('CREATE INDEX documents_item_parent ON documents (container, pk, f_itemParentId)');
  },
};

/**
 * OData's expansions read a work item's worklogs (DirectWorklogs, AllWorklogs of a subtree,
 * a budget's Worklogs) across the org's partitions by work item, in (work item, timestamp,
 * id) order (odata/expand-worklogs.ts), without a scan of the org's worklogs.
 */
const worklogWorkItemColumn: SchemaMigration = {
  version: 8,
  description: 'documents: worklogs indexed by org and work item, in a column like the other indexed fields',
  up(db) {
    db.exec('ALTER TABLE documents ADD COLUMN f_workItemId');
    db.exec(`UPDATE documents SET f_workItemId = json_extract(body, '$.workItemId') WHERE container = 'worklogs'`);
    db.exec('CREATE INDEX documents_org_work_item ON documents (container, f_orgId, f_workItemId, f_timestamp, id)');
  },
};

/**
 * An org's worklogs in (timestamp, id) order with everything a reader returns, so that an
 * org-wide list or export reads the index in order instead of looking each worklog up in
 * its user's partition: the table is clustered by partition, so each lookup was a random
 * page read (an org-wide export read 23,000 worklogs a second, most of its time in them). Worklogs
 * only, so that no other document's body is stored twice; sqlite-query.ts writes the
 * `type` condition as a literal so that the planner can use it, and it holds the work item
 * column so that a list filtered by work items stays covered. A file with 4 KB pages (made
 * before sqlite-document-store.ts asked for 8 KB) gets none: there an entry of about 1 KB
 * would spill onto an overflow page of 4 KB, and its org-wide reads stay as they were.
 */
export const ORG_WORKLOGS_INDEX = `CREATE INDEX IF NOT EXISTS documents_org_worklogs
  ON documents (container, f_orgId, f_timestamp, id, f_type, f_workItemId, expires_at, pk, etag, body) WHERE f_type = 'worklog'`;
const orgWorklogsCoveringIndex: SchemaMigration = {
  version: 9,
  description: 'documents: an org\'s worklogs in timestamp order, covering their bodies (files with pages of 8 KB or more)',
  up(db) {
    if ((db.pragma('page_size', { simple: true }) as number) >= 8192) db.exec(ORG_WORKLOGS_INDEX);
  },
};

/**
 * Every migration of the file, in order, forever: documents and the embedded queue share
 * one file and so one `user_version`. A change to any table is a new entry at the end.
 */
export const SQLITE_MIGRATIONS: readonly SchemaMigration[] = [documentsTable, ...QUEUE_MIGRATIONS, orgTimestampIndex, orgRollupIndex, indexedColumns, workItemParentColumn, worklogWorkItemColumn, orgWorklogsCoveringIndex];

export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

/** The file was written by a newer release: opening it here could corrupt what it knows and this one does not. */
export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`this SQLite file has schema version ${found}, newer than this release knows (${known}): it was written by a newer Timehub. Run that release or a later one; this one leaves the file untouched.`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the file to the current schema version at start, in one write transaction, so
 * that two processes opening it at once migrate it once. A file from a newer release is
 * refused before any table is touched.
 */
export function migrateSchema(db: Database.Database): number {
  const migrations = SQLITE_MIGRATIONS;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.description} is out of order`);
  });
  const latest = migrations.length;
  const versionNow = () => db.pragma('user_version', { simple: true }) as number;
  if (versionNow() > latest) throw new SchemaTooNewError(versionNow(), latest);
  return db.transaction(() => {
    const found = versionNow();
    if (found > latest) throw new SchemaTooNewError(found, latest);
    for (const migration of migrations.slice(found)) migration.up(db);
    if (found < latest) db.pragma(`user_version = ${latest}`);
    return found;
  }).immediate();
}
