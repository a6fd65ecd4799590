import type Database from 'better-sqlite3';

/** One change to the SQLite file's tables; `up` runs inside the migration's transaction. */
export interface SchemaMigration {
  /** What the file's `PRAGMA user_version` is after it. */
  version: number;
  description: string;
  up(db: Database.Database): void;
}
