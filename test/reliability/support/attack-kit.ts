import { SIGNATURE_HEADER, signBillingEvent } from '../../../shared/billing/billing-events.js';
import { LOCAL_SECRETS } from '../../../shared/config/settings.js';
import { client, type OrgName, type UserName } from '../../support/api-server.js';
import type { FuzzWorld } from './fuzz-world.js';
import { rawClient, type RawResponse } from './raw-http.js';
import { openStoreSnapshots, snapshotDiff } from './store-snapshot.js';

export interface AttemptOptions {
  token?: string;
  /** JSON-encoded unless it is a string already. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The one request an attack is judged by, with what it changed in the store. */
export interface Attempt {
  res: RawResponse;
  changed: string[];
}

/**
 * What an attack row may use: setup calls that are not judged, and `attempt`, the request
 * that is. The store is compared just around the attempt.
 */
export function attackKit(world: FuzzWorld) {
  const http = rawClient(world.api.url);
  const snapshots = openStoreSnapshots(world.storeFile);
  let last: Attempt | undefined;
  return {
    world,
    session: (org: OrgName, user: UserName) => world.sessions[org][user],
    /** A JSON client for setup steps (creating the token a row then revokes, and so on). */
    as: (org: OrgName, user: UserName) => client(world.api, world.sessions[org][user]),
    nowSeconds: () => Math.floor(world.api.clock.now().getTime() / 1000),
    async attempt(method: string, path: string, o: AttemptOptions = {}): Promise<void> {
      const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      const headers = { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers };
      const before = snapshots.take();
      const res = await http.send(method, path, headers, body);
      last = { res, changed: snapshotDiff(before, snapshots.take()) };
    },
    /** A billing event as the commerce provider posts it: signed with `secret` unless a signature is given. */
    async postEvent(event: Record<string, unknown>, o: { secret?: string; signature?: string | null; judged?: boolean } = {}) {
      const raw = JSON.stringify(event);
      const signature = o.signature === undefined ? signBillingEvent(o.secret ?? LOCAL_SECRETS.billingWebhook, raw) : o.signature;
      const headers: Record<string, string> = signature === null ? {} : { [SIGNATURE_HEADER]: signature };
      if (o.judged === false) return http.send('POST', '/billing/events', { 'content-type': 'application/json', ...headers }, raw);
      await this.attempt('POST', '/billing/events', { body: raw, headers });
      return last!.res;
    },
    takeAttempt(): Attempt {
      if (!last) throw new Error('the attack made no attempt');
      const taken = last;
      last = undefined;
      return taken;
    },
    close() {
      snapshots.close();
      http.close();
    },
  };
}

export type AttackKit = ReturnType<typeof attackKit>;
