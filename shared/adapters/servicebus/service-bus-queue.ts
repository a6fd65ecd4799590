import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import {
  isServiceBusError,
  ServiceBusClient,
  type ServiceBusMessage,
  type ServiceBusReceivedMessage,
  type ServiceBusReceiver,
  type ServiceBusReceiverOptions,
  type ServiceBusSender,
} from '@azure/service-bus';
import Long from 'long';
import { QUEUE_NAMES, type DeadLetter, type MessageQueue, type OutgoingMessage, type QueueName } from '../../ports/message-queue.js';

/** The SDK methods this adapter calls, typed by the SDK itself: a real client fits, and so must a test fake. */
export type QueueSender = Pick<ServiceBusSender, 'sendMessages' | 'scheduleMessages' | 'cancelScheduledMessages' | 'close'>;
export type DeadLetterPeeker = Pick<ServiceBusReceiver, 'peekMessages' | 'receiveMessages' | 'completeMessage' | 'abandonMessage' | 'close'>;
export interface ServiceBusClientLike {
  createSender(queueName: string): QueueSender;
  createReceiver(queueName: string, options: ServiceBusReceiverOptions): DeadLetterPeeker;
  close(): Promise<void>;
}

/** A retry looks through at most this many dead letters of a queue. */
const RETRY_SCAN_BATCH = 100;
const RETRY_SCAN_ROUNDS = 20;

/** A managed identity in Azure (the default credential), or a connection string elsewhere. */
export type ServiceBusSettings =
  | { fullyQualifiedNamespace: string; credential?: TokenCredential }
  | { connectionString: string };

/**
 * The queue port on Azure Service Bus. Delivery, retries, duplicate detection and
 * dead-lettering are the broker's; this adapter sends, schedules, cancels and peeks.
 * Retention of an uninstalled org (`retainOrgMessages`) is not implemented here: pending
 * messages are short-lived (a tracker's timers, a notice) and their handlers find the org
 * uninstalled or its documents gone; the dead-letter sub-queue observes no TTL and is never
 * cleaned by the broker, so an org's dead letters (ids only: org, user, tracker or worklog)
 * stay until an operator receives them.
 */
export class ServiceBusMessageQueue implements MessageQueue {
  private readonly senders = new Map<QueueName, QueueSender>();

  constructor(private readonly client: ServiceBusClientLike) {}

  static connect(settings: ServiceBusSettings): ServiceBusMessageQueue {
    const client =
      'connectionString' in settings
        ? new ServiceBusClient(settings.connectionString)
        : new ServiceBusClient(settings.fullyQualifiedNamespace, settings.credential ?? new DefaultAzureCredential());
    return new ServiceBusMessageQueue(client);
  }

  async send(queue: QueueName, message: OutgoingMessage): Promise<void> {
    await this.sender(queue).sendMessages(toServiceBusMessage(message));
  }

  /** The handle is the sequence number Service Bus gives the scheduled message. */
  async schedule(queue: QueueName, message: OutgoingMessage, at: Date): Promise<string> {
    const [sequenceNumber] = await this.sender(queue).scheduleMessages(toServiceBusMessage(message), at);
    if (!sequenceNumber) throw new Error(`Service Bus returned no sequence number for message ${message.messageId}`);
    return sequenceNumber.toString();
  }

  async cancel(queue: QueueName, handle: string): Promise<void> {
    if (!/^\d+$/.test(handle)) return;
    try {
      await this.sender(queue).cancelScheduledMessages(Long.fromString(handle));
    } catch (error) {
      // The message is already enqueued, handled or cancelled: nothing is left to cancel.
      if (isServiceBusError(error) && error.code === 'MessageNotFound') return;
      throw error;
    }
  }

  async deadLetters(queue?: QueueName, limit = 100): Promise<DeadLetter[]> {
    const found: DeadLetter[] = [];
    for (const name of queue ? [queue] : QUEUE_NAMES) {
      // A fresh receiver each time: a receiver's next peek continues after its last one.
      const receiver = this.client.createReceiver(name, { subQueueType: 'deadLetter' });
      try {
        found.push(...(await receiver.peekMessages(limit)).map((message) => toDeadLetter(name, message)));
      } finally {
        await receiver.close();
      }
    }
    return found.sort((a, b) => a.deadLetteredAt.localeCompare(b.deadLetteredAt)).slice(0, limit);
  }

  /**
   * Receives the dead-letter subqueue (peek-lock) until the message turns up, sends a copy to
   * the queue under a new messageId (duplicate detection would drop the old one) and completes
   * the dead letter; every other message received is abandoned, so it stays where it was.
   */
  async retryDeadLetter(queue: QueueName, messageId: string): Promise<boolean> {
    const receiver = this.client.createReceiver(queue, { subQueueType: 'deadLetter', receiveMode: 'peekLock' });
    const passedOver: ServiceBusReceivedMessage[] = [];
    try {
      for (let round = 0; round < RETRY_SCAN_ROUNDS; round++) {
        const received = await receiver.receiveMessages(RETRY_SCAN_BATCH, { maxWaitTimeInMs: 2_000 });
        if (received.length === 0) return false;
        const found = received.find((message) => String(message.messageId) === messageId);
        passedOver.push(...received.filter((message) => message !== found));
        if (found) {
          const copy = { messageId: `${messageId}|retry-${found.sequenceNumber?.toString() ?? '0'}`.slice(0, 128), body: found.body as unknown };
          await this.sender(queue).sendMessages(toServiceBusMessage(copy));
          await receiver.completeMessage(found);
          return true;
        }
      }
      return false;
    } finally {
      await Promise.all(passedOver.map((message) => receiver.abandonMessage(message)));
      await receiver.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.senders.values()].map((sender) => sender.close()));
    await this.client.close();
  }

  /** One sender per queue for the life of the process: opening an AMQP link is slow. */
  private sender(queue: QueueName): QueueSender {
    let sender = this.senders.get(queue);
    if (!sender) this.senders.set(queue, (sender = this.client.createSender(queue)));
    return sender;
  }
}

function toServiceBusMessage(message: OutgoingMessage): ServiceBusMessage {
  return { messageId: message.messageId, body: message.body, contentType: 'application/json' };
}

function toDeadLetter(queue: QueueName, message: ServiceBusReceivedMessage): DeadLetter {
  const reason = [message.deadLetterReason, message.deadLetterErrorDescription].filter(Boolean).join(': ');
  return {
    queue,
    messageId: String(message.messageId ?? ''),
    body: message.body as unknown,
    deliveryCount: message.deliveryCount ?? 0,
    reason: reason || 'unknown',
    // The SDK exposes no dead-lettering time; the enqueue time is the closest it gives.
    deadLetteredAt: (message.enqueuedTimeUtc ?? new Date(0)).toISOString(),
  };
}
