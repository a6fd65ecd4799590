import type { SchemaMigration } from '../sqlite/schema-migration.js';

/**
 * The embedded queue's tables, next to the documents in the same SQLite file (their
 * migrations run in shared/adapters/sqlite/sqlite-schema.ts, which numbers them all).
 * - queue_messages: pending messages. `visible_at` is when a message may be claimed: its
 *   scheduled time, its next retry, or (while `lock_token` is set) its lock's expiry, so an
 *   expired lock makes the message due again without any sweeper.
 * - queue_seen_ids: message ids sent or completed within the duplicate-detection window.
 * - queue_dead_letters: messages that failed `maxDeliveryCount` times, with the reason.
 * - queue_org_retention: uninstalled orgs whose messages go when their retention ends.
 */
const queueTables: SchemaMigration = {
  version: 2,
  description: 'queue: pending messages, seen ids, dead letters (as release 0.1.0 created them)',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS queue_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        queue TEXT NOT NULL,
        message_id TEXT NOT NULL,
        body TEXT NOT NULL,
        enqueued_at INTEGER NOT NULL,
        visible_at INTEGER NOT NULL,
        delivery_count INTEGER NOT NULL DEFAULT 0,
        lock_token TEXT,
        last_error TEXT
      );
      CREATE INDEX IF NOT EXISTS queue_messages_due ON queue_messages (queue, visible_at, seq);
      CREATE INDEX IF NOT EXISTS queue_messages_id ON queue_messages (queue, message_id);
      CREATE TABLE IF NOT EXISTS queue_seen_ids (
        queue TEXT NOT NULL,
        message_id TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (queue, message_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS queue_seen_ids_age ON queue_seen_ids (seen_at);
      CREATE TABLE IF NOT EXISTS queue_dead_letters (
        seq INTEGER PRIMARY KEY,
        queue TEXT NOT NULL,
        message_id TEXT NOT NULL,
        body TEXT NOT NULL,
        enqueued_at INTEGER NOT NULL,
        delivery_count INTEGER NOT NULL,
        reason TEXT NOT NULL,
        dead_lettered_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS queue_dead_letters_queue ON queue_dead_letters (queue, seq);
    `);
  },
};

const orgRetention: SchemaMigration = {
  version: 3,
  description: 'queue: the retention deadline of each uninstalled org',
  up(db) {
    db.exec(`CREATE TABLE queue_org_retention (org_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID`);
  },
};

export const QUEUE_MIGRATIONS: readonly SchemaMigration[] = [queueTables, orgRetention];
