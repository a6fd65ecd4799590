import azure from '@azure/functions';
import { ServiceBusError } from '@azure/service-bus';
import { describe, expect, it, vi } from 'vitest';
import { ServiceBusMessageQueue } from '../../shared/adapters/servicebus/service-bus-queue.js';
import { deliveredMessageFrom, serviceBusTriggerHandler } from '../../shared/adapters/servicebus/service-bus-trigger.js';
import { QUEUE_NAMES } from '../../shared/ports/message-queue.js';
import { queueHandlers } from '../../shared/queue/queue-handlers.js';
import { FakeServiceBus } from '../support/fake-service-bus.js';
import { MutableClock } from '../support/mutable-clock.js';
import { messageQueueContract } from './message-queue.contract.js';

const FAKE = 'a fake Service Bus namespace and Functions host (in memory, typed against the SDK interfaces)';

/** The adapter over a fake namespace; `restart()` is a new process: a new client, the same namespace. */
function serviceBusQueue(maxDeliveryCount = 10) {
  const clock = new MutableClock();
  const bus = new FakeServiceBus(clock, maxDeliveryCount);
  let queue = new ServiceBusMessageQueue(bus.client());
  return {
    clock,
    bus,
    get queue() {
      return queue;
    },
    restart: async () => {
      await queue.close();
      queue = new ServiceBusMessageQueue(bus.client());
    },
  };
}

const BROKER_GAPS = new Set(['retryBackoff', 'duplicateDetection', 'lockExpiry', 'handlerErrorAsReason'] as const);

messageQueueContract(`ServiceBusMessageQueue and its Functions trigger, on ${FAKE}`, BROKER_GAPS, async () => {
  const sb = serviceBusQueue(4);
  return {
    get queue() {
      return sb.queue;
    },
    clock: sb.clock,
    maxDeliveryCount: 4,
    firstRetryDelayMs: 0,
    lockMs: 0,
    // The fake host triggers the production trigger handler, which hands the message to the handler under test.
    deliverDue: async (name, handler) => void (await sb.bus.deliverDue(name, serviceBusTriggerHandler(handler, sb.clock))),
    restart: sb.restart,
    close: () => sb.queue.close(),
  };
});

describe('ServiceBusMessageQueue: what reaches the SDK (the fake stands in for ServiceBusClient, ServiceBusSender and ServiceBusReceiver)', () => {
  it('send hands sendMessages the messageId, the body and contentType application/json, over one sender per queue', async () => {
    const { bus, queue } = serviceBusQueue();
    await queue.send('email-notices', { messageId: 'n1', body: { worklogId: 'w1' } });
    await queue.send('email-notices', { messageId: 'n2', body: { worklogId: 'w2' } });
    expect(bus.calls.filter((c) => c.method === 'createSender')).toEqual([{ method: 'createSender', queue: 'email-notices' }]);
    expect(bus.calls.filter((c) => c.method === 'sendMessages')[0]).toEqual({
      method: 'sendMessages', queue: 'email-notices', messages: [{ messageId: 'n1', body: { worklogId: 'w1' }, contentType: 'application/json' }],
    });
  });

  it('schedule hands scheduleMessages the time and returns the sequence number as the handle; cancel hands it back as a Long', async () => {
    const { bus, queue, clock } = serviceBusQueue();
    const at = new Date(clock.now().getTime() + 3_600_000);
    await queue.send('activity-checks', { messageId: 'first', body: {} });
    const handle = await queue.schedule('activity-checks', { messageId: 'check', body: { trackerId: 't' } }, at);
    await queue.cancel('activity-checks', handle);
    const [scheduled, cancelled] = bus.calls.filter((c) => c.method === 'scheduleMessages' || c.method === 'cancelScheduledMessages');
    expect(scheduled).toMatchObject({ at, returned: ['2'], messages: [{ messageId: 'check', body: { trackerId: 't' } }] });
    expect([handle, cancelled]).toEqual(['2', { method: 'cancelScheduledMessages', queue: 'activity-checks', sequenceNumbers: ['2'] }]);
  });

  it('a handle beyond 2^53 (a partitioned entity\'s sequence number) cancels exactly that message', async () => {
    const clock = new MutableClock();
    const bus = new FakeServiceBus(clock, 10, '9007199254740993');
    const queue = new ServiceBusMessageQueue(bus.client());
    const at = new Date(clock.now().getTime() + 60_000);
    const first = await queue.schedule('activity-checks', { messageId: 'a', body: {} }, at);
    await queue.schedule('activity-checks', { messageId: 'b', body: {} }, at);
    await queue.cancel('activity-checks', first);
    clock.advance(60_000);
    const delivered: string[] = [];
    await bus.deliverDue('activity-checks', serviceBusTriggerHandler(async (m) => void delivered.push(m.messageId)));
    expect([first, delivered]).toEqual(['9007199254740993', ['b']]);
  });

  it('cancel treats MessageNotFound as done and lets any other error through', async () => {
    const { bus, queue } = serviceBusQueue();
    await expect(queue.cancel('activity-checks', '99')).resolves.toBeUndefined();
    const failing = new ServiceBusMessageQueue({
      ...bus.client(),
      createSender: (name) => ({ ...bus.client().createSender(name), cancelScheduledMessages: async () => { throw new ServiceBusError('busy', 'ServiceBusy'); } }),
    });
    await expect(failing.cancel('activity-checks', '1')).rejects.toMatchObject({ code: 'ServiceBusy' });
  });

  it('deadLetters peeks the dead-letter subqueue of each queue with a fresh receiver', async () => {
    const { bus, queue } = serviceBusQueue();
    await queue.deadLetters(undefined, 7);
    expect(bus.calls.filter((c) => c.method === 'peekMessages')).toEqual([
      { method: 'peekMessages', queue: 'activity-checks', subQueueType: 'deadLetter', max: 7 },
      { method: 'peekMessages', queue: 'email-notices', subQueueType: 'deadLetter', max: 7 },
      { method: 'peekMessages', queue: 'bulk-actions', subQueueType: 'deadLetter', max: 7 },
      { method: 'peekMessages', queue: 'work-item-updates', subQueueType: 'deadLetter', max: 7 },
    ]);
  });

  it('connect builds a real ServiceBusClient from a connection string or a namespace and credential, without connecting', async () => {
    const fromString = ServiceBusMessageQueue.connect({ connectionString: 'Endpoint=sb://timehub-test.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=c2VjcmV0' });
    const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) };
    const fromIdentity = ServiceBusMessageQueue.connect({ fullyQualifiedNamespace: 'timehub-test.servicebus.windows.net', credential });
    await Promise.all([fromString.close(), fromIdentity.close()]);
  });
});

describe('the Service Bus trigger (InvocationContext from @azure/functions in test mode stands in for the Functions host)', () => {
  const invocation = (triggerMetadata: Record<string, unknown>) =>
    new azure.InvocationContext({ functionName: 'trackerTimer', invocationId: 'i1', triggerMetadata, logHandler: () => {} });
  const metadata = { messageId: 'm1', deliveryCount: 3, enqueuedTimeUtc: '2025-01-06T09:00:00.000Z' };

  it('reads messageId, deliveryCount and enqueuedTimeUtc from the trigger metadata, and the body from the message', () => {
    expect(deliveredMessageFrom({ a: 1 }, invocation(metadata))).toEqual({
      messageId: 'm1', body: { a: 1 }, deliveryCount: 3, enqueuedAt: new Date('2025-01-06T09:00:00.000Z'),
    });
    expect(deliveredMessageFrom({}, invocation({ ...metadata, enqueuedTimeUtc: '2025-01-06T09:00:00' })).enqueuedAt).toEqual(new Date('2025-01-06T09:00:00Z'));
  });

  it('refuses an invocation without messageId or deliveryCount, which would make redelivery unrecognisable', () => {
    expect(() => deliveredMessageFrom({}, invocation({ deliveryCount: 1 }))).toThrow(/messageId/);
    expect(() => deliveredMessageFrom({}, invocation({ messageId: 'm' }))).toThrow(/deliveryCount/);
  });

  it('rethrows a handler error, so that Service Bus redelivers and at last dead-letters the message', async () => {
    const trigger = serviceBusTriggerHandler(async () => { throw new Error('smtp down'); });
    await expect(trigger({}, invocation(metadata))).rejects.toThrow('smtp down');
  });

});

describe('functions/queues.ts (a spy stands in for the Functions host registration)', () => {
  it('registers every queue handler on its own queue over the SERVICEBUS connection', async () => {
    const register = vi.spyOn(azure.app, 'serviceBusQueue').mockImplementation(() => {});
    try {
      await import('../../functions/queues.js');
      const registered = register.mock.calls.map(([name, options]) => [name, options.queueName, options.connection]);
      expect(registered).toEqual(queueHandlers.map((definition) => [definition.name, definition.queue, 'SERVICEBUS']));
      expect(new Set(registered.map(([, queue]) => queue))).toEqual(new Set(QUEUE_NAMES));
    } finally {
      register.mockRestore();
    }
  });
});
