import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalQueueWorker } from '../../shared/adapters/local-queue/local-queue-worker.js';
import type { QueuePolicy } from '../../shared/adapters/local-queue/queue-policy.js';
import { SqliteMessageQueue } from '../../shared/adapters/local-queue/sqlite-message-queue.js';
import type { MessageHandler, QueueName } from '../../shared/ports/message-queue.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { messageQueueContract, type QueueUnderTest } from './message-queue.contract.js';

/** A queue in a temp SQLite file, so that a restart can reopen the same file. */
async function embeddedQueue(policy: Partial<QueuePolicy> = {}): Promise<QueueUnderTest & { readonly sqlite: SqliteMessageQueue; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'timehub-queue-'));
  const file = join(dir, 'timehub.sqlite');
  const clock = new MutableClock();
  let queue = new SqliteMessageQueue(file, clock, policy);
  const reopen = async () => {
    await queue.close();
    queue = new SqliteMessageQueue(file, clock, policy);
  };
  return {
    get queue() {
      return queue;
    },
    get sqlite() {
      return queue;
    },
    file,
    clock,
    maxDeliveryCount: queue.policy.maxDeliveryCount,
    firstRetryDelayMs: queue.policy.baseBackoffMs,
    lockMs: queue.policy.lockMs,
    deliverDue: async (name: QueueName, handle: MessageHandler) => {
      await new LocalQueueWorker(queue, clock, [{ queue: name, handle }], { pollMs: 1_000, log: () => {} }).runDue();
    },
    restart: reopen,
    crashWhileHandling: async (name: QueueName) => {
      // What a worker does before it calls the handler; then the process dies.
      if (!queue.claimNext([name])) throw new Error(`nothing due on ${name}`);
      await reopen();
    },
    close: async () => {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

messageQueueContract('SqliteMessageQueue drained by LocalQueueWorker', new Set(), () => embeddedQueue({ maxDeliveryCount: 4 }));

describe('SqliteMessageQueue and LocalQueueWorker beyond the contract', () => {
  let t: Awaited<ReturnType<typeof embeddedQueue>>;
  let log: string[];
  const worker = (handle: MessageHandler, queue: QueueName = 'email-notices') =>
    new LocalQueueWorker(t.sqlite, t.clock, [{ queue, handle }], { pollMs: 1_000, log: (line) => log.push(line) });

  beforeEach(async () => {
    t = await embeddedQueue();
    log = [];
  });
  afterEach(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('by default retries after 5 s, 10 s, 20 s ... capped at 5 min, and dead-letters on the 10th failure', async () => {
    const counts: number[] = [];
    const failing = worker(async (m) => {
      counts.push(m.deliveryCount);
      throw new Error(`attempt ${m.deliveryCount}`);
    });
    await t.queue.send('email-notices', { messageId: 'n', body: {} });
    await failing.runDue();
    for (const waitSeconds of [5, 10, 20, 40, 80, 160, 300, 300, 300]) {
      t.clock.advance(waitSeconds * 1000 - 1);
      expect(await failing.runDue()).toBe(0);
      t.clock.advance(1);
      expect(await failing.runDue()).toBe(1);
    }
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await t.queue.deadLetters()).toMatchObject([{ messageId: 'n', deliveryCount: 10, reason: 'Error: attempt 10' }]);
    expect(log.at(-1)).toBe('queue email-notices: message n failed on delivery 10 (deadLettered): Error: attempt 10');
  });

  it('a handler that throws is logged and never stops the worker from handling the other messages', async () => {
    const handled: string[] = [];
    await t.queue.send('email-notices', { messageId: 'bad', body: {} });
    await t.queue.send('email-notices', { messageId: 'good', body: {} });
    const count = await worker(async (m) => {
      if (m.messageId === 'bad') throw new TypeError('boom');
      handled.push(m.messageId);
    }).runDue();
    expect([count, handled, log]).toEqual([2, ['good'], ['queue email-notices: message bad failed on delivery 1 (retry): TypeError: boom']]);
  });

  it('a message that a handler sends, due now, is handled in the same runDue', async () => {
    const handled: string[] = [];
    await t.queue.send('email-notices', { messageId: 'first', body: {} });
    await worker(async (m) => {
      handled.push(m.messageId);
      if (m.messageId === 'first') await t.queue.send('email-notices', { messageId: 'second', body: {} });
    }).runDue();
    expect(handled).toEqual(['first', 'second']);
  });

  it('a messageId sent or completed 24 h ago or earlier is a new message again', async () => {
    const handled: number[] = [];
    const w = worker(async (m) => void handled.push(m.deliveryCount));
    const sendDaily = async () => {
      await t.queue.send('email-notices', { messageId: 'daily', body: {} });
      await w.runDue();
    };
    await sendDaily();
    t.clock.advance(24 * 3600_000 - 1);
    await sendDaily();
    expect(handled).toEqual([1]);
    t.clock.advance(1);
    await sendDaily();
    expect(handled).toEqual([1, 1]);
  });

  it('a message whose last allowed delivery was interrupted is dead-lettered once that lock expires', async () => {
    await t.queue.send('activity-checks', { messageId: 'stuck', body: {} });
    for (let delivery = 1; delivery <= t.maxDeliveryCount; delivery++) {
      expect(t.sqlite.claimNext(['activity-checks'])?.message.deliveryCount).toBe(delivery);
      t.clock.advance(t.lockMs);
    }
    expect(t.sqlite.claimNext(['activity-checks'])).toBeUndefined();
    expect(await t.queue.deadLetters('activity-checks')).toMatchObject([{ messageId: 'stuck', reason: expect.stringContaining('lock expired') }]);
  });

  it('start() polls every pollMs, and stop() waits for the handler in flight so that its message is settled', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let release = () => {};
    const started: string[] = [];
    const w = worker(async (m) => {
      started.push(m.messageId);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await t.queue.send('email-notices', { messageId: 'slow', body: {} });
    w.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual(['slow']);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    t.clock.advance(3_600_000);
    expect(await worker(async () => {}).runDue()).toBe(0);
  });

  it('shares its SQLite file with SqliteDocumentStore, each over its own connection', async () => {
    const store = new SqliteDocumentStore(t.file, t.clock);
    await store.create('orgs', { id: 'o1', pk: 'o1', type: 'probe', schemaVersion: 1 });
    await t.queue.send('activity-checks', { messageId: 'beside-documents', body: {} });
    expect(await store.read('orgs', 'o1', 'o1')).toMatchObject({ id: 'o1' });
    expect(t.sqlite.claimNext(['activity-checks'])?.message.messageId).toBe('beside-documents');
    await store.close();
  });
});
