import type { DeadLetter, DeliveredMessage, QueueName } from '../../ports/message-queue.js';

/** A row of queue_messages, as SQLite returns it. */
export interface MessageRow {
  seq: number;
  queue: QueueName;
  message_id: string;
  body: string;
  enqueued_at: number;
  visible_at: number;
  delivery_count: number;
  last_error: string | null;
}

/** A row of queue_dead_letters, as SQLite returns it. */
export interface DeadLetterRow {
  queue: QueueName;
  message_id: string;
  body: string;
  delivery_count: number;
  reason: string;
  dead_lettered_at: number;
}

/** What the handler sees of a message on the delivery being made now. */
export function deliveredMessage(row: MessageRow): DeliveredMessage {
  return {
    messageId: row.message_id,
    body: JSON.parse(row.body) as unknown,
    deliveryCount: row.delivery_count + 1,
    enqueuedAt: new Date(row.enqueued_at),
  };
}

export function deadLetter(row: DeadLetterRow): DeadLetter {
  return {
    queue: row.queue,
    messageId: row.message_id,
    body: JSON.parse(row.body) as unknown,
    deliveryCount: row.delivery_count,
    reason: row.reason,
    deadLetteredAt: new Date(row.dead_lettered_at).toISOString(),
  };
}
