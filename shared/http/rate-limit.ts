import { AppError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { StoreConflictError, StorePreconditionError, type Document, type DocumentStore } from '../ports/document-store.js';

const MINUTE_MS = 60_000;

/** One user's requests in one minute, summed over every instance (container 'orgs', pk orgId). */
interface RateCountDoc extends Document {
  type: 'rateCount';
  count: number;
}

interface Window {
  minute: number;
  /** The org-wide count as of this instance's last flush. */
  known: number;
  /** Requests this instance admitted and has not added to the store yet. */
  pending: number;
}

/**
 * 7pace's per-user rate limit (429 with Retry-After), held in the store so it holds across
 * instances, without a store operation on every request: each instance counts locally and
 * adds its count to the user's minute document every `flushEvery` requests (a read and a
 * conditional write). So the limit may be exceeded by at most `flushEvery` per instance.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly flushEvery: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    readonly perMinute: number,
  ) {
    this.flushEvery = Math.max(1, Math.floor(perMinute / 10));
  }

  /** Counts one request of `userId`; throws 429 once the minute's budget is spent. */
  async admit(orgId: string, userId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const minute = Math.floor(now / MINUTE_MS);
    const key = `${orgId}:${userId}`;
    let window = this.windows.get(key);
    if (window?.minute !== minute) {
      if (this.windows.size > 10_000) this.forgetBefore(minute);
      window = { minute, known: 0, pending: 0 };
      this.windows.set(key, window);
    }
    if (window.known + window.pending >= this.perMinute) throw this.refusal(now, minute);
    window.pending += 1;
    if (window.pending >= this.flushEvery) await this.flush(orgId, userId, window);
    if (window.known > this.perMinute) throw this.refusal(now, minute);
  }

  private async flush(orgId: string, userId: string, window: Window) {
    const id = `rate:${userId}:${window.minute}`;
    const added = window.pending;
    window.pending = 0;
    for (;;) {
      const doc = await this.store.read<RateCountDoc>('orgs', orgId, id);
      try {
        if (!doc) {
          const fresh: RateCountDoc = { id, pk: orgId, type: 'rateCount', schemaVersion: 1, count: added, ttl: 3 * 60 };
          window.known = (await this.store.create('orgs', fresh)).count;
        } else {
          const { _etag, ...current } = doc;
          window.known = (await this.store.replace('orgs', { ...current, count: current.count + added }, _etag)).count;
        }
        return;
      } catch (error) {
        // Another instance counted meanwhile: add ours on top of theirs.
        if (!(error instanceof StoreConflictError || error instanceof StorePreconditionError)) throw error;
      }
    }
  }

  private refusal(now: number, minute: number) {
    const retryAfter = String(Math.max(1, Math.ceil(((minute + 1) * MINUTE_MS - now) / 1000)));
    return new AppError(429, 'rate.limited', `The request has been canceled because your API usage was exceeded (${this.perMinute} requests per minute); retry after ${retryAfter} s`, [
      { path: 'retryAfter', code: 'rate.retry_after', message: retryAfter },
    ]);
  }

  private forgetBefore(minute: number) {
    for (const [key, window] of this.windows) if (window.minute < minute) this.windows.delete(key);
  }
}
