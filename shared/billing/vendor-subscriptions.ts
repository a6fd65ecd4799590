import type { SubscriptionTerms } from '../domain/subscription.js';
import type { Document, DocumentStore } from '../ports/document-store.js';

/**
 * The vendor's record of one subscription, fed by billing events. Container
 * 'subscriptions', pk = subscription id: it belongs to no org until one activates it.
 */
export interface VendorSubscriptionDoc extends Document {
  type: 'vendorSubscription';
  subscriptionId: string;
  plan: string;
  seats: number;
  periodStart: string;
  periodEnd: string;
  cancelled: boolean;
  /** The org that activated it; null until then. */
  activatedOrgId: string | null;
  /** The newest event applied: an older event arriving late changes nothing. */
  lastEventTimestamp: string;
}

export const VENDOR_RECORD_ID = 'subscription';

export async function readVendorSubscription(store: DocumentStore, subscriptionId: string) {
  const doc = await store.read<VendorSubscriptionDoc>('subscriptions', subscriptionId, VENDOR_RECORD_ID);
  return doc?.type === 'vendorSubscription' ? doc : undefined;
}

export function termsOf(record: VendorSubscriptionDoc): SubscriptionTerms {
  return {
    source: 'billing', subscriptionId: record.subscriptionId, plan: record.plan, seats: record.seats,
    periodEnd: record.periodEnd, cancelled: record.cancelled,
  };
}
