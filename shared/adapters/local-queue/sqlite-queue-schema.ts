import type Database from 'better-sqlite3';

/**
 * The embedded queue's tables, next to the documents in the same SQLite file.
 * - queue_messages: pending messages. `visible_at` is when a message may be claimed: its
 *   scheduled time, its next retry, or (while `lock_token` is set) its lock's expiry, so an
 *   expired lock makes the message due again without any sweeper.
 * - queue_seen_ids: message ids sent or completed within the duplicate-detection window.
 * - queue_dead_letters: messages that failed `maxDeliveryCount` times, with the reason.
 */
export function createQueueTables(db: Database.Database): void {
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
}
