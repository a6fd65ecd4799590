import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ContainerName, Document } from '../../shared/ports/document-store.js';

/** One row of `documents` as release 0.1.0 stored it. */
export interface FixtureRow {
  container: ContainerName;
  etag: string;
  expiresAt: number | null;
  doc: Document & Record<string, unknown>;
}

type QueueRows = Record<'queue_messages' | 'queue_seen_ids' | 'queue_dead_letters', Record<string, string | number | null>[]>;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/release-0.1.0/${name}`, import.meta.url), 'utf8');

export const RELEASE_0_1_0 = {
  schema: fixture('schema.sql'),
  documents: JSON.parse(fixture('documents.json')) as FixtureRow[],
  queue: JSON.parse(fixture('queue.json')) as QueueRows,
};

/** Writes the SQLite file release 0.1.0 left behind: its tables, its rows, `user_version` 0. */
export function writeRelease010File(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(RELEASE_0_1_0.schema);
  const insertDocument = db.prepare('INSERT INTO documents (container, pk, id, body, etag, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const row of RELEASE_0_1_0.documents) {
    insertDocument.run(row.container, row.doc.pk, row.doc.id, JSON.stringify(row.doc), row.etag, row.expiresAt);
  }
  for (const [table, rows] of Object.entries(RELEASE_0_1_0.queue)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    }
  }
  db.close();
}

/** Row counts per table and the schema version, read straight from the file. */
export function fileSummary(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      documents: count('documents'),
      queue_messages: count('queue_messages'),
      queue_seen_ids: count('queue_seen_ids'),
      queue_dead_letters: count('queue_dead_letters'),
    };
  } finally {
    db.close();
  }
}

/** A document's stored body, straight from the file. */
export function storedBody(file: string, container: ContainerName, pk: string, id: string): Record<string, unknown> | undefined {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT body FROM documents WHERE container = ? AND pk = ? AND id = ?').get(container, pk, id) as { body: string } | undefined;
    return row && (JSON.parse(row.body) as Record<string, unknown>);
  } finally {
    db.close();
  }
}
