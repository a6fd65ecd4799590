import type { Clock } from '../../ports/clock.js';
import type { MessageHandler, QueueName } from '../../ports/message-queue.js';
import type { ClaimedMessage, SqliteMessageQueue } from './sqlite-message-queue.js';

export interface QueueWorkerHandler {
  queue: QueueName;
  handle: MessageHandler;
}

export interface LocalQueueWorkerOptions {
  /** How often `start()` looks for due messages. */
  pollMs: number;
  /** Handlers running at once; default 4. */
  concurrency?: number;
  /** Where failed deliveries are reported; default console.error. */
  log?: (line: string) => void;
}

/**
 * Drains the embedded queue inside `npm start`, the way the Functions host drains Service
 * Bus: one handler per queue, a failure is recorded for retry or dead-lettering, never thrown.
 */
export class LocalQueueWorker {
  private readonly handlers = new Map<QueueName, MessageHandler>();
  private readonly concurrency: number;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopping = false;

  constructor(
    private readonly queue: SqliteMessageQueue,
    private readonly clock: Clock,
    handlers: readonly QueueWorkerHandler[],
    private readonly options: LocalQueueWorkerOptions,
  ) {
    for (const { queue: name, handle } of handlers) {
      if (this.handlers.has(name)) throw new Error(`two handlers for queue ${name}`);
      this.handlers.set(name, handle);
    }
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.log = options.log ?? ((line) => console.error(line));
  }

  /**
   * Handles every message due at clock.now(), including those the handlers send meanwhile;
   * returns the number of deliveries made. A failed message waits for its backoff, so this ends.
   */
  async runDue(): Promise<number> {
    const queues = [...this.handlers.keys()];
    let deliveries = 0;
    while (!this.stopping) {
      const batch = this.claimBatch(queues);
      if (batch.length === 0) break;
      await Promise.all(batch.map((claim) => this.deliver(claim)));
      deliveries += batch.length;
    }
    return deliveries;
  }

  /** Polls every `pollMs` until `stop()`; a poll never overlaps the previous one. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    // The HTTP server keeps the process alive; the worker alone should not.
    this.timer.unref();
  }

  /** Stops polling and waits for the handlers in flight, so their messages are settled. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopping = true;
    await this.running?.catch(() => undefined); // poll() has logged it
    this.stopping = false;
  }

  private async poll(): Promise<void> {
    if (this.running) return;
    this.running = this.runDue();
    try {
      await this.running;
    } catch (error) {
      this.log(`queue worker: ${describe(error)}`);
    } finally {
      this.running = undefined;
    }
  }

  private claimBatch(queues: readonly QueueName[]): ClaimedMessage[] {
    const batch: ClaimedMessage[] = [];
    while (batch.length < this.concurrency) {
      const claim = this.queue.claimNext(queues, this.clock.now());
      if (!claim) break;
      batch.push(claim);
    }
    return batch;
  }

  private async deliver(claim: ClaimedMessage): Promise<void> {
    const handle = this.handlers.get(claim.queue);
    const { messageId, deliveryCount } = claim.message;
    try {
      if (!handle) throw new Error(`no handler for queue ${claim.queue}`);
      await handle(claim.message);
    } catch (error) {
      const reason = describe(error);
      const outcome = this.queue.fail(claim, reason);
      this.log(`queue ${claim.queue}: message ${messageId} failed on delivery ${deliveryCount} (${outcome}): ${reason}`);
      return;
    }
    this.queue.complete(claim);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
