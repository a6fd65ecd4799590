import { SqliteMessageQueue, type ClaimedMessage } from '../shared/adapters/local-queue/sqlite-message-queue.js';
import type { MessageQueue, OutgoingMessage, QueueName } from '../shared/ports/message-queue.js';
import type { SkipClock } from './skip-clock.js';

/** Queue calls made: schedule, send, cancel, claim (one that got a message), complete, fail. */
export interface QueueCounts {
  schedule: number;
  send: number;
  cancel: number;
  claim: number;
  complete: number;
  fail: number;
}

export const queueOps = (c: QueueCounts) => c.schedule + c.send + c.cancel + c.claim + c.complete + c.fail;

/**
 * The embedded queue, counting what the app and the worker ask of it. A subclass rather
 * than a wrapper, because composeWorker only drains a SqliteMessageQueue. It also notes
 * each timer's lag: when its handler finished (the worker completes right after) minus the
 * time the timer was scheduled for.
 */
export class CountingQueue extends SqliteMessageQueue {
  readonly counts: QueueCounts = { schedule: 0, send: 0, cancel: 0, claim: 0, complete: 0, fail: 0 };
  readonly lags: number[] = [];

  constructor(file: string, private readonly skipClock: SkipClock) {
    super(file, skipClock);
  }

  override send(queue: QueueName, message: OutgoingMessage) {
    this.counts.send++;
    return super.send(queue, message);
  }

  override schedule(queue: QueueName, message: OutgoingMessage, at: Date) {
    this.counts.schedule++;
    return super.schedule(queue, message, at);
  }

  override cancel(queue: QueueName, handle: string) {
    this.counts.cancel++;
    return super.cancel(queue, handle);
  }

  override claimNext(queues: readonly QueueName[], at?: Date) {
    const claim = super.claimNext(queues, at);
    if (claim) this.counts.claim++;
    return claim;
  }

  override complete(claim: ClaimedMessage) {
    const finished = this.skipClock.ms();
    this.counts.complete++;
    const scheduledAt = (claim.message.body as { at?: string }).at;
    if (claim.queue === 'activity-checks' && scheduledAt) this.lags.push(finished - Date.parse(scheduledAt));
    return super.complete(claim);
  }

  override fail(claim: ClaimedMessage, reason: string) {
    this.counts.fail++;
    return super.fail(claim, reason);
  }
}

/** The sweep baseline has no queue: timers go nowhere, and a sweep finds what is due. */
export const noQueue: MessageQueue = {
  send: async () => {},
  schedule: async () => '',
  cancel: async () => {},
  deadLetters: async () => [],
  retryDeadLetter: async () => false,
};
