/**
 * The queue port: Service Bus semantics (at-least-once delivery, scheduled messages
 * that can be cancelled, a delivery count, dead-lettering), whatever adapter runs.
 */

export const QUEUE_NAMES = ['activity-checks', 'email-notices', 'bulk-actions', 'work-item-updates'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface OutgoingMessage {
  /** Stable ids make redelivered or re-sent messages recognisable (duplicate detection). */
  messageId: string;
  body: unknown;
}

export interface MessageQueue {
  send(queue: QueueName, message: OutgoingMessage): Promise<void>;
  /** Delivers at `at` or soon after; returns a handle for `cancel`. */
  schedule(queue: QueueName, message: OutgoingMessage, at: Date): Promise<string>;
  /** Cancels a scheduled message that was not yet delivered; a no-op when it was. */
  cancel(queue: QueueName, handle: string): Promise<void>;
  /** Messages that failed too often, oldest first (for admins to see what was given up on). */
  deadLetters(queue?: QueueName, limit?: number): Promise<DeadLetter[]>;
  /**
   * Puts a dead-lettered message back on its queue, to be delivered afresh (an admin's
   * "retry"); false when no such dead letter is left. Its handler must recognise a message
   * it already handled by the body, not the messageId: a broker may give the copy a new id.
   */
  retryDeadLetter(queue: QueueName, messageId: string): Promise<boolean>;
  /**
   * An uninstalled org's messages (pending and dead-lettered, found by `body.orgId`) are
   * kept until `until`, then `purgeExpired` removes them; null keeps them again (reinstall).
   * Only the embedded queue needs it: see service-bus-queue.ts for what holds on Service Bus.
   */
  retainOrgMessages?(orgId: string, until: Date | null): Promise<void>;
  /** Removes the messages of every org whose retention has ended; returns how many. */
  purgeExpired?(): Promise<number>;
}

/** What a handler learns about the message it handles (Service Bus trigger metadata). */
export interface DeliveredMessage {
  messageId: string;
  body: unknown;
  /** 1 on the first delivery. */
  deliveryCount: number;
  enqueuedAt: Date;
}

/** Throwing makes the queue deliver the message again, until it is dead-lettered. */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface DeadLetter {
  queue: QueueName;
  messageId: string;
  body: unknown;
  deliveryCount: number;
  reason: string;
  deadLetteredAt: string;
}
