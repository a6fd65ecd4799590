import Database from 'better-sqlite3';

/** Every stored row, keyed: documents by container/pk/id (body, etag and TTL included), queued messages by seq. */
export type Snapshot = Map<string, string>;

/**
 * Reads the embedded store's SQLite file through a second, read-only connection, so that a
 * test can compare everything stored before and after a request.
 */
export function openStoreSnapshots(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const hasQueue = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_messages'").get() !== undefined;
  const documents = db.prepare('SELECT * FROM documents');
  const messages = hasQueue ? db.prepare('SELECT * FROM queue_messages') : undefined;

  return {
    take(): Snapshot {
      const snapshot: Snapshot = new Map();
      for (const row of documents.all() as Record<string, unknown>[]) snapshot.set(`doc ${row.container}/${row.pk}/${row.id}`, JSON.stringify(row));
      for (const row of (messages?.all() ?? []) as Record<string, unknown>[]) snapshot.set(`message ${row.queue}#${row.seq}`, JSON.stringify(row));
      return snapshot;
    },
    close: () => db.close(),
  };
}

/** What changed between two snapshots, one line per row: `+ added`, `- removed`, `~ changed`. */
export function snapshotDiff(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const [key, row] of after) {
    if (!before.has(key)) lines.push(`+ ${key}`);
    else if (before.get(key) !== row) lines.push(`~ ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) lines.push(`- ${key}`);
  return lines;
}
