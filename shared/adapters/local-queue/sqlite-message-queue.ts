import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../ports/clock.js';
import type { DeadLetter, DeliveredMessage, MessageQueue, OutgoingMessage, QueueName } from '../../ports/message-queue.js';
import { DEFAULT_QUEUE_POLICY, retryDelayMs, type QueuePolicy } from './queue-policy.js';
import { deadLetter, deliveredMessage, type DeadLetterRow, type MessageRow } from './sqlite-queue-rows.js';
import { migrateSchema } from '../sqlite/sqlite-schema.js';

/** A message whose lock a worker holds: only the same lock token can settle it. */
export interface ClaimedMessage {
  queue: QueueName;
  sequenceNumber: number;
  lockToken: string;
  message: DeliveredMessage;
}

/** What became of a failed delivery; 'lockLost' means another worker claimed it after the lock expired. */
export type FailureOutcome = 'retry' | 'deadLettered' | 'lockLost';

/** What a duplicate schedule returns: a handle that cancels nothing, as on Service Bus. */
const NO_MESSAGE = '0';

/**
 * The embedded durable queue, in its own connection to the document store's SQLite file:
 * scheduled delivery, duplicate detection by messageId, a lock while a handler runs, a
 * delivery count, retries with backoff and a dead-letter list. All time comes from `clock`.
 */
export class SqliteMessageQueue implements MessageQueue {
  readonly policy: QueuePolicy;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, private readonly clock: Clock, policy: Partial<QueuePolicy> = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    migrateSchema(this.db);
    this.policy = { ...DEFAULT_QUEUE_POLICY, ...policy };
  }

  async send(queue: QueueName, message: OutgoingMessage): Promise<void> {
    this.enqueue(queue, message, this.clock.now().getTime());
  }

  async schedule(queue: QueueName, message: OutgoingMessage, at: Date): Promise<string> {
    const seq = this.enqueue(queue, message, at.getTime());
    return seq === undefined ? NO_MESSAGE : String(seq);
  }

  async cancel(queue: QueueName, handle: string): Promise<void> {
    if (!/^\d+$/.test(handle)) return;
    // As on Service Bus, only a message still waiting for its time can be cancelled.
    this.sql('DELETE FROM queue_messages WHERE seq = ? AND queue = ? AND delivery_count = 0 AND visible_at > ?')
      .run(Number(handle), queue, this.clock.now().getTime());
  }

  async deadLetters(queue?: QueueName, limit = 100): Promise<DeadLetter[]> {
    const rows = this.sql(`SELECT * FROM queue_dead_letters WHERE @queue IS NULL OR queue = @queue
      ORDER BY dead_lettered_at, seq LIMIT @limit`).all({ queue: queue ?? null, limit }) as DeadLetterRow[];
    return rows.map(deadLetter);
  }

  async retryDeadLetter(queue: QueueName, messageId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    return this.db.transaction(() => {
      const row = this.sql('SELECT * FROM queue_dead_letters WHERE queue = ? AND message_id = ? ORDER BY seq LIMIT 1').get(queue, messageId) as (DeadLetterRow & { seq: number }) | undefined;
      if (!row) return false;
      // Past duplicate detection on purpose: the admin asks for this very message again.
      this.sql(`INSERT INTO queue_messages (queue, message_id, body, enqueued_at, visible_at) VALUES (?, ?, ?, ?, ?)`)
        .run(queue, row.message_id, row.body, now, now);
      this.sql('DELETE FROM queue_dead_letters WHERE seq = ?').run(row.seq);
      return true;
    }).immediate();
  }

  /** Locks the earliest message due at `at` in `queues` and counts the delivery; undefined when none is due. */
  claimNext(queues: readonly QueueName[], at: Date = this.clock.now()): ClaimedMessage | undefined {
    const now = at.getTime();
    return this.db.transaction((): ClaimedMessage | undefined => {
      for (;;) {
        const row = this.earliestDue(queues, now);
        if (!row) return undefined;
        if (row.delivery_count >= this.policy.maxDeliveryCount) {
          // The last allowed delivery never settled: its process died while holding the lock.
          this.moveToDeadLetters(row, `lock expired on delivery ${row.delivery_count}; last error: ${row.last_error ?? 'none'}`, now);
          continue;
        }
        const lockToken = randomUUID();
        this.sql('UPDATE queue_messages SET lock_token = ?, visible_at = ?, delivery_count = delivery_count + 1 WHERE seq = ?')
          .run(lockToken, now + this.policy.lockMs, row.seq);
        return { queue: row.queue, sequenceNumber: row.seq, lockToken, message: deliveredMessage(row) };
      }
    }).immediate();
  }

  /** Removes a handled message; false when the lock was lost to another claim. */
  complete(claim: ClaimedMessage): boolean {
    const now = this.clock.now().getTime();
    return this.db.transaction(() => {
      const { changes } = this.sql('DELETE FROM queue_messages WHERE seq = ? AND lock_token = ?').run(claim.sequenceNumber, claim.lockToken);
      if (changes > 0) this.markSeen(claim.queue, claim.message.messageId, now);
      return changes > 0;
    }).immediate();
  }

  /** Records a failed delivery: retry after the backoff, or dead-letter after the last allowed delivery. */
  fail(claim: ClaimedMessage, reason: string): FailureOutcome {
    const now = this.clock.now().getTime();
    return this.db.transaction((): FailureOutcome => {
      const row = this.sql('SELECT * FROM queue_messages WHERE seq = ? AND lock_token = ?').get(claim.sequenceNumber, claim.lockToken) as MessageRow | undefined;
      if (!row) return 'lockLost';
      if (row.delivery_count >= this.policy.maxDeliveryCount) {
        this.moveToDeadLetters(row, reason, now);
        return 'deadLettered';
      }
      this.sql('UPDATE queue_messages SET lock_token = NULL, visible_at = ?, last_error = ? WHERE seq = ?')
        .run(now + retryDelayMs(this.policy, row.delivery_count), reason, row.seq);
      return 'retry';
    }).immediate();
  }

  async retainOrgMessages(orgId: string, until: Date | null): Promise<void> {
    if (until === null) this.sql('DELETE FROM queue_org_retention WHERE org_id = ?').run(orgId);
    else this.sql('INSERT OR REPLACE INTO queue_org_retention (org_id, expires_at) VALUES (?, ?)').run(orgId, until.getTime());
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    return this.db.transaction(() => {
      const ended = `json_extract(body, '$.orgId') IN (SELECT org_id FROM queue_org_retention WHERE expires_at <= @now)`;
      const purged = this.sql(`DELETE FROM queue_messages WHERE ${ended}`).run({ now }).changes
        + this.sql(`DELETE FROM queue_dead_letters WHERE ${ended}`).run({ now }).changes;
      this.sql('DELETE FROM queue_org_retention WHERE expires_at <= ?').run(now);
      return purged;
    }).immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Inserts the message unless its id is a duplicate; returns its sequence number. */
  private enqueue(queue: QueueName, message: OutgoingMessage, visibleAt: number): number | undefined {
    const now = this.clock.now().getTime();
    return this.db.transaction(() => {
      this.sql('DELETE FROM queue_seen_ids WHERE seen_at <= ?').run(now - this.policy.duplicateWindowMs);
      const duplicate = this.sql(`SELECT 1 FROM queue_messages WHERE queue = @queue AND message_id = @id
        UNION ALL SELECT 1 FROM queue_seen_ids WHERE queue = @queue AND message_id = @id`).get({ queue, id: message.messageId });
      if (duplicate) return undefined;
      const { lastInsertRowid } = this.sql(`INSERT INTO queue_messages (queue, message_id, body, enqueued_at, visible_at)
        VALUES (?, ?, ?, ?, ?)`).run(queue, message.messageId, JSON.stringify(message.body) ?? 'null', now, visibleAt);
      this.markSeen(queue, message.messageId, now);
      return Number(lastInsertRowid);
    }).immediate();
  }

  private earliestDue(queues: readonly QueueName[], now: number): MessageRow | undefined {
    const due = queues
      .map((queue) => this.sql('SELECT * FROM queue_messages WHERE queue = ? AND visible_at <= ? ORDER BY visible_at, seq LIMIT 1').get(queue, now) as MessageRow | undefined)
      .filter((row): row is MessageRow => row !== undefined);
    return due.sort((a, b) => a.visible_at - b.visible_at || a.seq - b.seq)[0];
  }

  private moveToDeadLetters(row: MessageRow, reason: string, now: number): void {
    this.sql(`INSERT INTO queue_dead_letters (seq, queue, message_id, body, enqueued_at, delivery_count, reason, dead_lettered_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(row.seq, row.queue, row.message_id, row.body, row.enqueued_at, row.delivery_count, reason, now);
    this.sql('DELETE FROM queue_messages WHERE seq = ?').run(row.seq);
  }

  private markSeen(queue: QueueName, messageId: string, now: number): void {
    this.sql('INSERT OR REPLACE INTO queue_seen_ids (queue, message_id, seen_at) VALUES (?, ?, ?)').run(queue, messageId, now);
  }

  /** Preparing a statement costs more than running it: keep each one. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }
}
