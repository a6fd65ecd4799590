/** How the embedded queue treats time, failures and duplicates (Service Bus-like defaults). */
export interface QueuePolicy {
  /** A claimed message stays hidden this long; if its handler neither completes nor fails by then (a crash), it is delivered again. */
  lockMs: number;
  /** The delivery that fails this many times moves the message to the dead-letter list. */
  maxDeliveryCount: number;
  /** The first retry waits this long; each further failure doubles the wait, up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** A messageId pending, sent or completed within this window is dropped as a duplicate. */
  duplicateWindowMs: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  lockMs: 5 * 60_000,
  maxDeliveryCount: 10,
  baseBackoffMs: 5_000,
  maxBackoffMs: 5 * 60_000,
  duplicateWindowMs: 24 * 60 * 60_000,
};

/** The wait before the next delivery after delivery number `deliveryCount` failed: 5 s, 10 s, 20 s, ... capped. */
export function retryDelayMs(policy: QueuePolicy, deliveryCount: number): number {
  return Math.min(policy.baseBackoffMs * 2 ** Math.max(0, deliveryCount - 1), policy.maxBackoffMs);
}
