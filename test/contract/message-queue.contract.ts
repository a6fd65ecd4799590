import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveredMessage, MessageHandler, MessageQueue, QueueName } from '../../shared/ports/message-queue.js';
import type { MutableClock } from '../support/mutable-clock.js';

/** Behaviours that belong to the broker on some adapters, so that their test cannot show them. */
export type QueueGap = 'retryBackoff' | 'duplicateDetection' | 'lockExpiry' | 'handlerErrorAsReason';

export interface QueueUnderTest {
  /** The queue of the running process; a new instance after `restart()`. */
  readonly queue: MessageQueue;
  clock: MutableClock;
  maxDeliveryCount: number;
  /** The wait after a first failed delivery. */
  firstRetryDelayMs: number;
  /** How long a delivered message stays locked to its handler. */
  lockMs: number;
  /** Runs this adapter's delivery path (embedded worker, or Functions trigger) for every message due now. */
  deliverDue(queue: QueueName, handler: MessageHandler): Promise<void>;
  /** Stops the process and starts a new one on the same durable state. */
  restart(): Promise<void>;
  /** Delivers the next due message, then the process dies before the handler settles it, and restarts. Absent where the lock is the broker's. */
  crashWhileHandling?(queue: QueueName): Promise<void>;
  close(): Promise<void>;
}

const CHECKS: QueueName = 'activity-checks';
const NOTICES: QueueName = 'email-notices';
const MINUTE = 60_000;

/**
 * The one suite every MessageQueue adapter runs. `setup` returns an empty queue. A gap is
 * known up front: it changes a test's title and what it can assert, never hides a failure.
 */
export function messageQueueContract(name: string, gaps: ReadonlySet<QueueGap>, setup: () => Promise<QueueUnderTest>): void {
  describe(`MessageQueue contract: ${name}`, () => {
    let t: QueueUnderTest;
    let delivered: DeliveredMessage[];
    const record: MessageHandler = async (message) => void delivered.push(message);
    const ids = () => delivered.map((m) => m.messageId);
    const counts = () => delivered.map((m) => m.deliveryCount);
    const failing = (times: number, reason = 'mail server down'): MessageHandler => async (message) => {
      delivered.push(message);
      if (message.deliveryCount <= times) throw new Error(reason);
    };

    beforeEach(async () => {
      t = await setup();
      delivered = [];
    });
    afterEach(async () => {
      await t.close();
    });

    it('a sent message is handled once, with its messageId, body, enqueue time and deliveryCount 1', async () => {
      await t.queue.send(CHECKS, { messageId: 'm1', body: { trackerId: 't1', n: 1 } });
      await t.deliverDue(CHECKS, record);
      await t.deliverDue(CHECKS, record);
      expect(delivered).toEqual([{ messageId: 'm1', body: { trackerId: 't1', n: 1 }, deliveryCount: 1, enqueuedAt: t.clock.now() }]);
    });

    it('a message goes only to the handler of its own queue', async () => {
      await t.queue.send(NOTICES, { messageId: 'n1', body: {} });
      await t.deliverDue(CHECKS, record);
      expect(ids()).toEqual([]);
      await t.deliverDue(NOTICES, record);
      expect(ids()).toEqual(['n1']);
    });

    it('a scheduled message is not delivered before its time and is delivered at it', async () => {
      await t.queue.schedule(CHECKS, { messageId: 'check', body: {} }, new Date(t.clock.now().getTime() + 10 * MINUTE));
      t.clock.advance(10 * MINUTE - 1);
      await t.deliverDue(CHECKS, record);
      expect(ids()).toEqual([]);
      t.clock.advance(1);
      await t.deliverDue(CHECKS, record);
      expect(ids()).toEqual(['check']);
    });

    it('a cancelled scheduled message is never delivered; cancelling a delivered one is a no-op', async () => {
      const at = new Date(t.clock.now().getTime() + MINUTE);
      const cancelled = await t.queue.schedule(CHECKS, { messageId: 'cancelled', body: {} }, at);
      const kept = await t.queue.schedule(CHECKS, { messageId: 'kept', body: {} }, at);
      await t.queue.cancel(CHECKS, cancelled);
      t.clock.advance(60 * MINUTE);
      await t.deliverDue(CHECKS, record);
      await t.queue.cancel(CHECKS, kept);
      await t.queue.cancel(CHECKS, cancelled);
      expect(ids()).toEqual(['kept']);
    });

    if (gaps.has('retryBackoff')) {
      it('a failing handler gets the message again with deliveryCount+1 (gap: Service Bus redelivers at once, with no backoff; the backoff is asserted on the embedded queue)', async () => {
        await t.queue.send(NOTICES, { messageId: 'flaky', body: {} });
        await t.deliverDue(NOTICES, failing(1));
        expect(counts()).toEqual([1, 2]);
      });
    } else {
      it('a failing handler gets the message again with deliveryCount+1 after the backoff, not before', async () => {
        await t.queue.send(NOTICES, { messageId: 'flaky', body: {} });
        const handler = failing(1);
        await t.deliverDue(NOTICES, handler);
        await t.deliverDue(NOTICES, handler);
        t.clock.advance(t.firstRetryDelayMs - 1);
        await t.deliverDue(NOTICES, handler);
        expect(counts()).toEqual([1]);
        t.clock.advance(1);
        await t.deliverDue(NOTICES, handler);
        await t.deliverDue(NOTICES, handler);
        expect(counts()).toEqual([1, 2]);
      });
    }

    const reasonTitle = gaps.has('handlerErrorAsReason') ? 'the broker\'s reason (gap: Service Bus records MaxDeliveryCountExceeded, not the handler\'s error)' : 'the handler\'s error as reason';
    it(`after maxDeliveryCount failures the message is in the dead-letter list with ${reasonTitle}, and is not delivered again`, async () => {
      await t.queue.send(NOTICES, { messageId: 'doomed', body: { to: 'bob' } });
      const handler = failing(Infinity);
      for (let i = 0; i < t.maxDeliveryCount + 2; i++) {
        await t.deliverDue(NOTICES, handler);
        t.clock.advance(60 * MINUTE);
      }
      expect(counts()).toEqual(Array.from({ length: t.maxDeliveryCount }, (_, i) => i + 1));
      const [letter, ...others] = await t.queue.deadLetters(NOTICES);
      expect(others).toEqual([]);
      expect(letter).toMatchObject({ queue: NOTICES, messageId: 'doomed', body: { to: 'bob' }, deliveryCount: t.maxDeliveryCount });
      expect(letter?.reason).toContain(gaps.has('handlerErrorAsReason') ? 'MaxDeliveryCountExceeded' : 'mail server down');
      expect(Number.isNaN(Date.parse(letter?.deadLetteredAt ?? ''))).toBe(false);
      expect(await t.queue.deadLetters(CHECKS)).toEqual([]);
      expect((await t.queue.deadLetters()).map((l) => l.messageId)).toEqual(['doomed']);
    });

    it('a retried dead letter leaves the list and is delivered afresh with its body; others stay, and an unknown id is false', async () => {
      await t.queue.send(NOTICES, { messageId: 'first', body: { to: 'bob' } });
      await t.queue.send(NOTICES, { messageId: 'second', body: { to: 'carol' } });
      for (let i = 0; i < t.maxDeliveryCount; i++) {
        await t.deliverDue(NOTICES, failing(Infinity));
        t.clock.advance(60 * MINUTE);
      }
      expect((await t.queue.deadLetters(NOTICES)).map((l) => l.messageId).sort()).toEqual(['first', 'second']);
      expect(await t.queue.retryDeadLetter(NOTICES, 'unknown')).toBe(false);
      expect(await t.queue.retryDeadLetter(CHECKS, 'second')).toBe(false);
      expect(await t.queue.retryDeadLetter(NOTICES, 'second')).toBe(true);
      expect((await t.queue.deadLetters(NOTICES)).map((l) => l.messageId)).toEqual(['first']);
      delivered = [];
      await t.deliverDue(NOTICES, record);
      expect(delivered.map((m) => [m.body, m.deliveryCount])).toEqual([[{ to: 'carol' }, 1]]);
      expect(await t.queue.retryDeadLetter(NOTICES, 'second')).toBe(false);
    });

    if (gaps.has('duplicateDetection')) {
      it('a re-sent messageId reaches the handler under that same messageId (gap: duplicate detection is the broker\'s, set by requiresDuplicateDetection on the queue; not imitated here)', async () => {
        await t.queue.send(CHECKS, { messageId: 'twice', body: {} });
        await t.queue.send(CHECKS, { messageId: 'twice', body: {} });
        await t.deliverDue(CHECKS, record);
        expect(new Set(ids())).toEqual(new Set(['twice']));
      });
    } else {
      it('a duplicate messageId is delivered once, whether pending or already handled; on another queue it is another message', async () => {
        await t.queue.send(CHECKS, { messageId: 'twice', body: { n: 1 } });
        await t.queue.schedule(CHECKS, { messageId: 'twice', body: { n: 2 } }, t.clock.now());
        await t.queue.send(NOTICES, { messageId: 'twice', body: { n: 3 } });
        await t.deliverDue(CHECKS, record);
        t.clock.advance(60 * MINUTE);
        await t.queue.send(CHECKS, { messageId: 'twice', body: { n: 4 } });
        await t.deliverDue(CHECKS, record);
        await t.deliverDue(NOTICES, record);
        expect(delivered.map((m) => m.body)).toEqual([{ n: 1 }, { n: 3 }]);
      });
    }

    const crashTitle = 'a message whose handler was interrupted is redelivered exactly once, after its lock expires';
    if (gaps.has('lockExpiry')) {
      it(`a message whose handler failed is delivered again with a higher delivery count (gap: lock expiry after a crash is the broker's and the host's; "${crashTitle}" is asserted on the embedded queue)`, async () => {
        await t.queue.send(CHECKS, { messageId: 'interrupted', body: {} });
        let first = true;
        await t.deliverDue(CHECKS, async (message) => {
          if (first) {
            first = false;
            throw new Error('host went away');
          }
          await record(message);
        });
        await t.deliverDue(CHECKS, record);
        expect(delivered.map((m) => [m.messageId, m.deliveryCount])).toEqual([['interrupted', 2]]);
      });
    } else {
      it(crashTitle, async () => {
        await t.queue.send(CHECKS, { messageId: 'interrupted', body: {} });
        if (!t.crashWhileHandling) throw new Error(`${name} cannot simulate a crash: declare the lockExpiry gap`);
        await t.crashWhileHandling(CHECKS);
        t.clock.advance(t.lockMs - 1);
        await t.deliverDue(CHECKS, record);
        expect(counts()).toEqual([]);
        t.clock.advance(1);
        await t.deliverDue(CHECKS, record);
        t.clock.advance(t.lockMs * 2);
        await t.deliverDue(CHECKS, record);
        expect(delivered.map((m) => [m.messageId, m.deliveryCount])).toEqual([['interrupted', 2]]);
      });
    }

    it('a restart with pending scheduled messages loses none and duplicates none; handles survive it', async () => {
      const at = (minutes: number) => new Date(t.clock.now().getTime() + minutes * MINUTE);
      await t.queue.send(CHECKS, { messageId: 'now', body: {} });
      await t.queue.schedule(CHECKS, { messageId: 'in-1', body: {} }, at(1));
      await t.queue.schedule(CHECKS, { messageId: 'in-2', body: {} }, at(2));
      const cancelLater = await t.queue.schedule(CHECKS, { messageId: 'in-3', body: {} }, at(3));
      await t.deliverDue(CHECKS, record);
      await t.restart();
      t.clock.advance(1.5 * MINUTE);
      await t.deliverDue(CHECKS, record);
      await t.restart();
      await t.queue.cancel(CHECKS, cancelLater);
      t.clock.advance(10 * MINUTE);
      await t.deliverDue(CHECKS, record);
      await t.restart();
      t.clock.advance(60 * MINUTE);
      await t.deliverDue(CHECKS, record);
      expect(ids()).toEqual(['now', 'in-1', 'in-2']);
    });
  });
}
