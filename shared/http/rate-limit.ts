import { AppError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { StoreConflictError, StorePreconditionError, type Document, type DocumentStore } from '../ports/document-store.js';

const MINUTE_MS = 60_000;

/**
 * A request costs 10 units, a page after the first (OData's nextLink `$skiptoken`, a list's
 * `$continuationToken`) 1: Excel or Power BI refreshing a year of a large organization reads
 * 2,000 pages in a row, which at full cost would hit the limit a third of the way through.
 * A replayed token buys at most ten times the budget, a bounded page each time.
 */
const UNITS_PER_REQUEST = 10;
const UNITS_PER_CONTINUED_PAGE = 1;
const CONTINUATION_PARAMETERS = new Set(['$skiptoken', '$continuationtoken']);

export function requestUnits(query: URLSearchParams): number {
  for (const name of query.keys()) if (CONTINUATION_PARAMETERS.has(name.toLowerCase())) return UNITS_PER_CONTINUED_PAGE;
  return UNITS_PER_REQUEST;
}

/** One user's request units in one minute, summed over every instance (container 'orgs', pk orgId). */
interface RateCountDoc extends Document {
  type: 'rateCount';
  /** Absent from version 1, which counted requests in `count`. */
  units?: number;
}

interface Window {
  minute: number;
  /** The user's units over all instances as of this instance's last flush. */
  known: number;
  /** Units this instance admitted and has not added to the store yet. */
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
  private readonly budget: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    readonly perMinute: number,
  ) {
    this.budget = perMinute * UNITS_PER_REQUEST;
    this.flushEvery = Math.max(1, Math.floor(perMinute / 10)) * UNITS_PER_REQUEST;
  }

  /** Counts one request of `userId` (`units` from requestUnits); throws 429 once the minute's budget is spent. */
  async admit(orgId: string, userId: string, units = UNITS_PER_REQUEST): Promise<void> {
    const now = this.clock.now().getTime();
    const minute = Math.floor(now / MINUTE_MS);
    const key = `${orgId}:${userId}`;
    let window = this.windows.get(key);
    if (window?.minute !== minute) {
      if (this.windows.size > 10_000) this.forgetBefore(minute);
      window = { minute, known: 0, pending: 0 };
      this.windows.set(key, window);
    }
    if (window.known + window.pending + units > this.budget) throw this.refusal(now, minute);
    window.pending += units;
    if (window.pending >= this.flushEvery) await this.flush(orgId, userId, window);
    if (window.known > this.budget) throw this.refusal(now, minute);
  }

  private async flush(orgId: string, userId: string, window: Window) {
    const id = `rate:${userId}:${window.minute}`;
    const added = window.pending;
    window.pending = 0;
    for (;;) {
      const doc = await this.store.read<RateCountDoc>('orgs', orgId, id);
      try {
        if (!doc) {
          const fresh: RateCountDoc = { id, pk: orgId, type: 'rateCount', schemaVersion: 2, units: added, ttl: 3 * 60 };
          await this.store.create('orgs', fresh);
          window.known = added;
        } else {
          // A version 1 document lives 3 minutes: across a deploy, one minute may start afresh.
          const { _etag, ...current } = doc;
          const units = (current.units ?? 0) + added;
          await this.store.replace('orgs', { ...current, schemaVersion: 2, units }, _etag);
          window.known = units;
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
