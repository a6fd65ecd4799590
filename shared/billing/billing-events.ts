import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, badRequest, conflict } from '../domain/errors.js';
import { isoSeconds } from '../domain/time.js';
import { billingEventBody, type BillingEvent } from '../contracts/billing.js';
import { StoreConflictError, StorePreconditionError, type BatchOperation, type Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { withoutEtag } from '../orgs/conditional-update.js';
import { keepingRetentionEnd } from '../orgs/retention.js';
import type { BillingSettings } from './billing-settings.js';
import { VENDOR_RECORD_ID, readVendorSubscription, type VendorSubscriptionDoc } from './vendor-subscriptions.js';

export const SIGNATURE_HEADER = 'X-Timehub-Signature';
/** An event older (or further ahead) than this is refused as a possible replay. */
export const EVENT_TOLERANCE_SECONDS = 300;
const KEEP_EVENT_IDS_SECONDS = 30 * 86_400;
const MAX_ATTEMPTS = 20;

/** Remembers an event id, so that the same event sent again is refused. */
interface BillingEventDoc extends Document {
  type: 'billingEvent';
  eventType: BillingEvent['type'];
  eventTimestamp: string;
  applied: boolean;
}

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the shared secret. */
export function signBillingEvent(secret: string, rawBody: string) {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

const refused = (code: string, message: string) => new AppError(401, code, message);

/**
 * A billing event from the commerce provider: signature first (401), then shape (400),
 * then freshness and replay (401). Each event sets absolute values (seats = n, period =
 * from..to), so the same change applied twice changes nothing.
 */
export async function receiveBillingEvent(ports: Pick<Ports, 'store' | 'clock'>, billing: BillingSettings, rawBody: string, signature: string | undefined) {
  const expected = Buffer.from(signBillingEvent(billing.webhookSecret, rawBody));
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw refused('billing.bad_signature', `the event is unsigned or its ${SIGNATURE_HEADER} does not match the body`);
  }
  const event = parseEvent(rawBody);
  const ageSeconds = Math.abs(ports.clock.now().getTime() - new Date(event.timestamp).getTime()) / 1000;
  if (ageSeconds > EVENT_TOLERANCE_SECONDS) {
    throw refused('billing.stale_event', `the event's timestamp is more than ${EVENT_TOLERANCE_SECONDS} seconds from now; it may be a replay`);
  }
  return applyEvent(ports, event);
}

function parseEvent(rawBody: string): BillingEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badRequest('request.malformed_json', 'the event is not valid JSON');
  }
  const result = billingEventBody.safeParse(json);
  if (!result.success) throw badRequest('billing.invalid_event', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data;
}

async function applyEvent(ports: Pick<Ports, 'store' | 'clock'>, event: BillingEvent) {
  const pk = event.subscription.id;
  const eventDocId = `event:${event.id}`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await readVendorSubscription(ports.store, pk);
    const next = nextRecord(record, event);
    const remembered: BillingEventDoc = {
      id: eventDocId, pk, type: 'billingEvent', schemaVersion: 1, eventType: event.type, eventTimestamp: event.timestamp,
      applied: next !== undefined, ttl: KEEP_EVENT_IDS_SECONDS,
    };
    const operations: BatchOperation[] = [{ op: 'create', doc: remembered }];
    if (next) operations.push(record ? { op: 'replace', doc: keepingRetentionEnd(next, ports.clock.now()), ifMatch: record._etag } : { op: 'create', doc: next });
    try {
      await ports.store.batch('subscriptions', pk, operations);
      return { eventId: event.id, subscriptionId: pk, applied: next !== undefined };
    } catch (error) {
      if (!(error instanceof StoreConflictError || error instanceof StorePreconditionError)) throw error;
      if (await ports.store.read('subscriptions', pk, eventDocId)) throw refused('billing.replayed_event', `event ${event.id} was already received`);
    }
  }
  throw new AppError(409, 'concurrency.contended', 'too many simultaneous billing events; send it again');
}

/** Instants are stored in UTC, whole seconds, whatever offset the provider wrote. */
const utc = (instant: string) => isoSeconds(new Date(instant));

/** The record after the event; undefined when the event is older than the last one applied. */
function nextRecord(record: VendorSubscriptionDoc | undefined, event: BillingEvent): VendorSubscriptionDoc | undefined {
  if (record && Date.parse(event.timestamp) < Date.parse(record.lastEventTimestamp)) return undefined;
  if (event.type === 'subscription.created') {
    const { id, plan, seats, periodStart, periodEnd } = event.subscription;
    return {
      id: VENDOR_RECORD_ID, pk: id, type: 'vendorSubscription', schemaVersion: 1, subscriptionId: id, plan, seats,
      periodStart: utc(periodStart), periodEnd: utc(periodEnd),
      cancelled: false, activatedOrgId: record?.activatedOrgId ?? null, lastEventTimestamp: event.timestamp,
    };
  }
  if (!record) throw conflict('billing.unknown_subscription', `subscription ${event.subscription.id} has no subscription.created event yet`);
  const base = { ...withoutEtag(record), lastEventTimestamp: event.timestamp };
  switch (event.type) {
    case 'subscription.renewed':
      return { ...base, periodStart: utc(event.subscription.periodStart), periodEnd: utc(event.subscription.periodEnd), cancelled: false };
    case 'subscription.seats_changed':
      return { ...base, seats: event.subscription.seats };
    case 'subscription.cancelled':
      return { ...base, cancelled: true };
  }
}
