import type { Clock } from '../ports/clock.js';
import { DevOpsThrottledError } from '../ports/devops-directory.js';

/** What refreshes share across requests: those in flight, and how long Azure DevOps asked each org to wait. */
export interface RefreshState {
  inFlight: Map<string, Promise<void>>;
  throttledUntil: Map<string, number>;
}

export const newRefreshState = (): RefreshState => ({ inFlight: new Map(), throttledUntil: new Map() });

interface OrgKey {
  orgId: string;
}

/**
 * Reads from Azure DevOps for one process: one refresh per org and key in flight, and none
 * at all for an org while its 429's Retry-After runs (Azure DevOps allows 200 TSTUs per 5
 * minutes per identity). Whoever is refused answers from the cache.
 */
export class RefreshGate {
  constructor(
    private readonly clock: Clock,
    private readonly state: RefreshState,
  ) {}

  /** Resolves once every refresh started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.state.inFlight.size > 0) await Promise.allSettled([...this.state.inFlight.values()]);
  }

  /** One read under the org's throttle: undefined while it throttles or when the read fails. */
  async ask<T>(org: OrgKey, read: () => Promise<T>): Promise<T | undefined> {
    if (this.throttledFor(org) > 0) return undefined;
    try {
      return await read();
    } catch (error) {
      if (error instanceof DevOpsThrottledError) this.throttle(org, error);
      return undefined;
    }
  }

  /** Seconds until Azure DevOps takes requests for the org again (0: it does now). */
  throttledFor(org: OrgKey): number {
    return Math.max(0, Math.ceil(((this.state.throttledUntil.get(org.orgId) ?? 0) - this.clock.now().getTime()) / 1000));
  }

  /** A refresh the reader waits for; when Azure DevOps fails, the reader gets what the cache holds. */
  async awaited(org: OrgKey, key: string, refresh: () => Promise<void>) {
    await this.coalesced(org, key, refresh).catch(() => undefined);
  }

  /** A refresh nobody waits for (a stale read answered at once). */
  inBackground(org: OrgKey, key: string, refresh: () => Promise<void>) {
    // A failed background refresh leaves the cache as it was; the next stale read tries again.
    this.coalesced(org, key, refresh).catch(() => undefined);
  }

  private coalesced(org: OrgKey, key: string, refresh: () => Promise<void>): Promise<void> {
    const slot = `${org.orgId}|${key}`;
    const running = this.state.inFlight.get(slot);
    if (running) return running;
    if (this.throttledFor(org) > 0) return Promise.resolve();
    const run = refresh()
      .catch((error: unknown) => {
        if (!(error instanceof DevOpsThrottledError)) throw error;
        this.throttle(org, error);
      })
      .finally(() => this.state.inFlight.delete(slot));
    this.state.inFlight.set(slot, run);
    return run;
  }

  private throttle(org: OrgKey, error: DevOpsThrottledError) {
    this.state.throttledUntil.set(org.orgId, this.clock.now().getTime() + error.retryAfterSeconds * 1000);
  }
}
