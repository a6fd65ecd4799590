import type { AuthSettings } from './auth-settings.js';
import type { Caller } from './caller.js';
import { verifySessionToken } from './session-token.js';

/** At most this many verified session tokens are kept; the oldest go first. */
export const VERIFIED_SESSIONS = 10_000;

/**
 * Session tokens this process has verified, kept until they expire: a JWT cannot change
 * once signed, and checking its signature (WebCrypto in jose) cost more than the rest of
 * a GET /current. Keyed by the whole token, so only the exact string verified before is
 * let through. What the caller may do is still resolved on every request.
 */
export class VerifiedSessions {
  private readonly entries = new Map<string, { caller: Caller; expiresAtMs: number }>();

  constructor(private readonly maxEntries = VERIFIED_SESSIONS) {}

  get size() {
    return this.entries.size;
  }

  async verify(settings: AuthSettings, token: string, now: Date): Promise<Caller> {
    const known = this.entries.get(token);
    if (known && now.getTime() < known.expiresAtMs) return known.caller;
    const verified = await verifySessionToken(settings, token, now);
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // Shared by every request with this token: frozen, so that none can change it for the others.
    Object.freeze(verified.caller.user);
    Object.freeze(verified.caller.roles);
    this.entries.set(token, { caller: Object.freeze(verified.caller), expiresAtMs: verified.expiresAtMs });
    return verified.caller;
  }
}
