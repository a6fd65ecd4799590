import { subscriptionState, type SubscriptionState, type SubscriptionTerms } from '../domain/subscription.js';
import { entitlementOf, trialStartOf } from '../orgs/org-lifecycle.js';
import type { OrganizationDoc } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readVendorSubscription, termsOf } from './vendor-subscriptions.js';

/**
 * The terms in force for an org: a license file's are on the org document; a subscription
 * activated by id is read from the vendor's record (one point read), so that renewals and
 * cancellations apply at once.
 */
export async function termsInForce(ports: Pick<Ports, 'store'>, org: OrganizationDoc): Promise<SubscriptionTerms | null> {
  const entitlement = entitlementOf(org);
  if (!entitlement) return null;
  if (entitlement.source === 'licenseFile') return entitlement.terms;
  const record = await readVendorSubscription(ports.store, entitlement.subscriptionId);
  return record?.activatedOrgId === org.orgId ? termsOf(record) : null;
}

export async function orgSubscriptionState(ports: Pick<Ports, 'store' | 'clock'>, org: OrganizationDoc): Promise<SubscriptionState> {
  return subscriptionState(trialStartOf(org), await termsInForce(ports, org), ports.clock.now());
}
