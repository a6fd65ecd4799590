import { readFileSync } from 'node:fs';
import { signBillingEvent, SIGNATURE_HEADER } from '../../shared/billing/billing-events.js';
import { signLicense } from '../../shared/billing/license-file.js';
import { LOCAL_SECRETS } from '../../shared/config/settings.js';
import type { LicenseTerms } from '../../shared/contracts/billing.js';
import type { TestApi } from './api-server.js';
import { DAY } from './worklog-builder.js';

/** The development license key's private half: for tests and local demos only. */
export const DEV_LICENSE_PRIVATE_KEY = readFileSync(new URL('../fixtures/dev-license-key/DEV-ONLY-private-key.pem', import.meta.url), 'utf8');

let eventNumber = 0;

export interface EventOptions {
  id?: string;
  /** Defaults to the test clock's now. */
  timestamp?: string;
}

/** A `subscription.created` event for a period of 30 days from `periodStart`. */
export function subscriptionCreated(subscriptionId: string, seats: number, periodStart: string, options: EventOptions & { plan?: string; days?: number } = {}) {
  const periodEnd = new Date(Date.parse(periodStart) + (options.days ?? 30) * DAY).toISOString();
  return event('subscription.created', { id: subscriptionId, plan: options.plan ?? 'standard', seats, periodStart, periodEnd }, options);
}

export function subscriptionRenewed(subscriptionId: string, periodStart: string, periodEnd: string, options: EventOptions = {}) {
  return event('subscription.renewed', { id: subscriptionId, periodStart, periodEnd }, options);
}

export function seatsChanged(subscriptionId: string, seats: number, options: EventOptions = {}) {
  return event('subscription.seats_changed', { id: subscriptionId, seats }, options);
}

export function subscriptionCancelled(subscriptionId: string, options: EventOptions = {}) {
  return event('subscription.cancelled', { id: subscriptionId }, options);
}

function event(type: string, subscription: Record<string, unknown>, options: EventOptions) {
  return { id: options.id ?? `evt_${++eventNumber}_${Math.random().toString(36).slice(2, 8)}`, type, timestamp: options.timestamp, subscription };
}

/**
 * Posts a billing event as the commerce provider does: the raw body signed with the
 * shared secret. `timestamp` defaults to the API's clock; `signature` overrides the header.
 */
export async function postBillingEvent(api: TestApi, body: ReturnType<typeof event> | string, options: { signature?: string | null; secret?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify({ ...body, timestamp: body.timestamp ?? api.clock.now().toISOString() });
  const signature = options.signature === undefined ? signBillingEvent(options.secret ?? LOCAL_SECRETS.billingWebhook, raw) : options.signature;
  const res = await fetch(`${api.url}/api/billing/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { [SIGNATURE_HEADER]: signature }) },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as { data?: any; error?: { code: string; message: string } }, raw };
}

/** A license file signed with the development key (or `privateKeyPem`). */
export function aLicense(overrides: Partial<LicenseTerms> = {}, privateKeyPem = DEV_LICENSE_PRIVATE_KEY) {
  return signLicense({ org: 'fabrikam', seats: 10, expiry: '2026-01-01T00:00:00Z', subscriptionId: 'lic-fabrikam-1', ...overrides }, privateKeyPem);
}
