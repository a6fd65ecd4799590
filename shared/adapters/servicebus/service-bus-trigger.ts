import type { InvocationContext, ServiceBusQueueHandler } from '@azure/functions';
import { systemClock, type Clock } from '../../ports/clock.js';
import type { DeliveredMessage, MessageHandler } from '../../ports/message-queue.js';
import type { QueueHandlerDefinition } from '../../queue/queue-handler.js';

/**
 * What the Functions host hands a Service Bus trigger, as the port's DeliveredMessage. The
 * host has already parsed a JSON body; the delivery count and message id come from the
 * trigger metadata.
 */
export function deliveredMessageFrom(message: unknown, invocation: InvocationContext, clock: Clock = systemClock): DeliveredMessage {
  const metadata = invocation.triggerMetadata ?? {};
  const { messageId } = metadata;
  const deliveryCount = Number(metadata.deliveryCount);
  if (typeof messageId !== 'string' || messageId === '') throw new TypeError('the trigger metadata has no messageId');
  if (!Number.isInteger(deliveryCount) || deliveryCount < 1) throw new TypeError(`message ${messageId} has no deliveryCount in its trigger metadata`);
  return { messageId, body: message, deliveryCount, enqueuedAt: enqueuedTime(metadata.enqueuedTimeUtc) ?? clock.now() };
}

/**
 * The Functions handler for one queue. A handler error is logged and rethrown: the host then
 * abandons the message, Service Bus delivers it again and, past the queue's
 * maxDeliveryCount, moves it to `<queue>/$deadletterqueue`.
 */
export function serviceBusTriggerHandler(handle: MessageHandler, clock: Clock = systemClock): ServiceBusQueueHandler {
  return async (message: unknown, invocation: InvocationContext) => {
    const delivered = deliveredMessageFrom(message, invocation, clock);
    try {
      await handle(delivered);
    } catch (error) {
      invocation.error(`message ${delivered.messageId} failed on delivery ${delivered.deliveryCount}`, error);
      throw error;
    }
  };
}

/** The trigger for one queue handler definition; `context` is built on the first message. */
export function serviceBusQueueTrigger<Context>(
  definition: QueueHandlerDefinition<Context>,
  context: () => Promise<Context>,
): ServiceBusQueueHandler {
  return serviceBusTriggerHandler(async (message) => definition.handle(await context(), message));
}

/** The host sends an ISO string; one without a zone is UTC, as the name says. */
function enqueuedTime(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
