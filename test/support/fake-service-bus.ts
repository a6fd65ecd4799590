import azure, { type ServiceBusQueueHandler } from '@azure/functions';
import {
  ServiceBusError,
  type ServiceBusMessage,
  type ServiceBusReceivedMessage,
  type ServiceBusReceiverOptions,
  type ServiceBusSender,
  type ServiceBusReceiver,
} from '@azure/service-bus';
import Long from 'long';
import type { DeadLetterPeeker, QueueSender, ServiceBusClientLike } from '../../shared/adapters/servicebus/service-bus-queue.js';
import type { Clock } from '../../shared/ports/clock.js';

/** Every SDK call the adapter made, in order, as the fake received it. */
export type SdkCall =
  | { method: 'createSender'; queue: string }
  | { method: 'sendMessages'; queue: string; messages: ServiceBusMessage[] }
  | { method: 'scheduleMessages'; queue: string; messages: ServiceBusMessage[]; at: Date; returned: string[] }
  | { method: 'cancelScheduledMessages'; queue: string; sequenceNumbers: string[] }
  | { method: 'peekMessages'; queue: string; subQueueType: string | undefined; max: number };

interface BrokerMessage {
  queue: string;
  sequenceNumber: Long;
  message: ServiceBusMessage;
  enqueuedAt: Date;
  visibleAt: Date;
  deliveryCount: number;
}

/**
 * Stands in for a Service Bus namespace (its queues, scheduled messages and dead-letter
 * subqueues) and for the Functions host that triggers on it. The clients it hands out are
 * typed against the SDK's own ServiceBusSender / ServiceBusReceiver signatures. It does
 * not imitate duplicate detection, locks or retry timing: those stay the broker's.
 */
export class FakeServiceBus {
  readonly calls: SdkCall[] = [];
  private readonly messages: BrokerMessage[] = [];
  private readonly deadLettered = new Map<string, ServiceBusReceivedMessage[]>();
  private nextSequenceNumber: Long;

  /** Partitioned entities hand out sequence numbers beyond 2^53: `firstSequenceNumber` lets a test check they survive. */
  constructor(private readonly clock: Clock, readonly maxDeliveryCount = 10, firstSequenceNumber = '1') {
    this.nextSequenceNumber = Long.fromString(firstSequenceNumber);
  }

  /** A client over this namespace, as `new ServiceBusClient(...)` would give. */
  client(): ServiceBusClientLike {
    let closed = false;
    const open = () => {
      if (closed) throw new ServiceBusError('The client is closed', 'GeneralError');
    };
    return {
      createSender: (queue) => {
        open();
        this.calls.push({ method: 'createSender', queue });
        return this.sender(queue, open);
      },
      createReceiver: (queue, options) => {
        open();
        return this.receiver(queue, options);
      },
      close: async () => {
        closed = true;
      },
    };
  }

  /** Plays the Functions host: triggers on each message due now; a throw abandons it, and the last allowed delivery dead-letters it. */
  async deliverDue(queue: string, trigger: ServiceBusQueueHandler): Promise<number> {
    let deliveries = 0;
    for (let due = this.due(queue); due; due = this.due(queue)) {
      deliveries += 1;
      due.deliveryCount += 1;
      const triggerMetadata = { messageId: due.message.messageId, deliveryCount: due.deliveryCount, enqueuedTimeUtc: due.enqueuedAt.toISOString() };
      const invocation = new azure.InvocationContext({ functionName: queue, invocationId: `${due.sequenceNumber.toString()}-${due.deliveryCount}`, triggerMetadata, logHandler: () => {} });
      try {
        await trigger(JSON.parse(JSON.stringify(due.message.body)) as unknown, invocation);
        this.remove(due);
      } catch {
        if (due.deliveryCount >= this.maxDeliveryCount) this.moveToDeadLetters(due);
      }
    }
    return deliveries;
  }

  private sender(queue: string, open: () => void): QueueSender {
    const accept = (input: Parameters<ServiceBusSender['sendMessages']>[0], visibleAt: Date) =>
      serviceBusMessages(input).map((message) => {
        const sequenceNumber = this.nextSequenceNumber;
        this.nextSequenceNumber = sequenceNumber.add(1);
        this.messages.push({ queue, sequenceNumber, message, enqueuedAt: this.clock.now(), visibleAt, deliveryCount: 0 });
        return sequenceNumber;
      });
    return {
      sendMessages: async (input) => {
        open();
        this.calls.push({ method: 'sendMessages', queue, messages: serviceBusMessages(input) });
        accept(input, this.clock.now());
      },
      scheduleMessages: async (input, at) => {
        open();
        const sequenceNumbers = accept(input, at);
        this.calls.push({ method: 'scheduleMessages', queue, messages: serviceBusMessages(input), at, returned: sequenceNumbers.map(String) });
        return sequenceNumbers;
      },
      cancelScheduledMessages: async (input) => {
        open();
        const numbers = Array.isArray(input) ? input : [input];
        // The SDK itself refuses anything but Long (throwTypeErrorIfParameterNotLong).
        if (!numbers.every((n) => Long.isLong(n))) throw new TypeError('sequenceNumbers must be Long');
        this.calls.push({ method: 'cancelScheduledMessages', queue, sequenceNumbers: numbers.map(String) });
        for (const n of numbers) {
          const scheduled = this.messages.find((m) => m.queue === queue && m.sequenceNumber.equals(n) && m.visibleAt > this.clock.now());
          if (!scheduled) throw new ServiceBusError(`Messages not found. Missing sequence numbers: ${n.toString()}`, 'MessageNotFound');
          this.remove(scheduled);
        }
      },
      close: async () => {},
    };
  }

  private receiver(queue: string, options: ServiceBusReceiverOptions): DeadLetterPeeker {
    const peekMessages: ServiceBusReceiver['peekMessages'] = async (max) => {
      this.calls.push({ method: 'peekMessages', queue, subQueueType: options.subQueueType, max });
      return options.subQueueType === 'deadLetter' ? (this.deadLettered.get(queue) ?? []).slice(0, max) : [];
    };
    // Peek-lock on the dead-letter subqueue: a received message is hidden until completed (gone) or abandoned.
    const locked = new Set<ServiceBusReceivedMessage>();
    const receiveMessages: ServiceBusReceiver['receiveMessages'] = async (max) => {
      if (options.subQueueType !== 'deadLetter' || options.receiveMode !== 'peekLock') throw new TypeError('the fake receives dead letters in peekLock mode only');
      const free = (this.deadLettered.get(queue) ?? []).filter((m) => !locked.has(m)).slice(0, max);
      for (const message of free) locked.add(message);
      return free;
    };
    const completeMessage: ServiceBusReceiver['completeMessage'] = async (message) => {
      if (!locked.delete(message)) throw new ServiceBusError('The lock supplied is invalid', 'MessageLockLost');
      this.deadLettered.set(queue, (this.deadLettered.get(queue) ?? []).filter((m) => m !== message));
    };
    const abandonMessage: ServiceBusReceiver['abandonMessage'] = async (message) => {
      if (!locked.delete(message)) throw new ServiceBusError('The lock supplied is invalid', 'MessageLockLost');
    };
    return { peekMessages, receiveMessages, completeMessage, abandonMessage, close: async () => {} };
  }

  private due(queue: string): BrokerMessage | undefined {
    const due = this.messages.filter((m) => m.queue === queue && m.visibleAt <= this.clock.now());
    return due.sort((a, b) => a.visibleAt.getTime() - b.visibleAt.getTime() || a.sequenceNumber.compare(b.sequenceNumber))[0];
  }

  private remove(message: BrokerMessage): void {
    this.messages.splice(this.messages.indexOf(message), 1);
  }

  private moveToDeadLetters(message: BrokerMessage): void {
    this.remove(message);
    const { body } = message.message;
    const received: ServiceBusReceivedMessage = {
      ...message.message,
      deadLetterReason: 'MaxDeliveryCountExceeded',
      deadLetterErrorDescription: `Message could not be consumed after ${message.deliveryCount} delivery attempts.`,
      deliveryCount: message.deliveryCount,
      enqueuedTimeUtc: message.enqueuedAt,
      sequenceNumber: message.sequenceNumber,
      state: 'active',
      _rawAmqpMessage: { body },
    };
    this.deadLettered.set(message.queue, [...(this.deadLettered.get(message.queue) ?? []), received]);
  }
}

/** The adapter sends plain ServiceBusMessages; batches and raw AMQP messages would be a change the fake should flag. */
function serviceBusMessages(input: Parameters<ServiceBusSender['sendMessages']>[0]): ServiceBusMessage[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item) => {
    if ('tryAddMessage' in item || 'bodyType' in item || 'header' in item) throw new TypeError('the fake takes ServiceBusMessage only');
    return item as ServiceBusMessage;
  });
}
