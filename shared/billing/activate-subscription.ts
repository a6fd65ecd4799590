import { conflict, notFound, unprocessable } from '../domain/errors.js';
import { subscriptionState, type Entitlement } from '../domain/subscription.js';
import { isoSeconds } from '../domain/time.js';
import type { LicenseFile } from '../contracts/billing.js';
import type { Caller } from '../identity/caller.js';
import { updateDocument } from '../orgs/conditional-update.js';
import { changeOrganization } from '../orgs/org-lifecycle.js';
import type { Ports } from '../ports/index.js';
import type { BillingSettings } from './billing-settings.js';
import { verifyLicense } from './license-file.js';
import { getSubscription } from './subscription-view.js';
import { VENDOR_RECORD_ID, termsOf, type VendorSubscriptionDoc } from './vendor-subscriptions.js';

type ActivationPorts = Pick<Ports, 'store' | 'clock'>;

/**
 * Activation by id (billing admins): the id must be in the vendor's records, not taken by
 * another org and not over. The record is claimed first, then the org points to it; a
 * retry after a failure in between completes the activation.
 */
export async function activateSubscription(ports: ActivationPorts, billing: BillingSettings, caller: Caller, subscriptionId: string) {
  const now = ports.clock.now();
  await updateDocument<VendorSubscriptionDoc>(ports.store, 'subscriptions', subscriptionId, VENDOR_RECORD_ID, (record) => {
    if (record?.type !== 'vendorSubscription') throw notFound(`subscription ${subscriptionId} (it is known once the purchase is complete)`);
    if (record.activatedOrgId && record.activatedOrgId !== caller.orgId) {
      throw conflict('subscription.activated_elsewhere', `subscription ${subscriptionId} is already activated by another organization`);
    }
    if (subscriptionState(record.periodStart, termsOf(record), now).status === 'expired') {
      throw unprocessable('subscription.expired', `subscription ${subscriptionId} ended on ${record.periodEnd}`);
    }
    return record.activatedOrgId === caller.orgId ? undefined : { ...record, activatedOrgId: caller.orgId };
  });
  await entitle(ports, caller, { source: 'billing', subscriptionId, activatedTimestamp: isoSeconds(now), activatedBy: caller.user.uniqueName });
  return getSubscription(ports, billing, caller);
}

/** Offline activation (billing admins): a license file signed by the vendor, for this org, not expired. */
export async function activateLicense(ports: ActivationPorts, billing: BillingSettings, caller: Caller, file: LicenseFile) {
  const terms = verifyLicense(file, billing.licensePublicKeyPem);
  const forUs = [caller.orgName.toLowerCase(), caller.orgId.toLowerCase()].includes(terms.org.toLowerCase());
  if (!forUs) throw unprocessable('license.other_org', `this license is for the organization ${terms.org}, not ${caller.orgName}`);
  const now = ports.clock.now();
  if (Date.parse(terms.expiry) <= now.getTime()) throw unprocessable('license.expired', `this license expired on ${terms.expiry}`);
  await entitle(ports, caller, {
    source: 'licenseFile',
    terms: { source: 'licenseFile', subscriptionId: terms.subscriptionId, plan: 'license', seats: terms.seats, periodEnd: isoSeconds(new Date(terms.expiry)), cancelled: false },
    activatedTimestamp: isoSeconds(now),
    activatedBy: caller.user.uniqueName,
  });
  return getSubscription(ports, billing, caller);
}

async function entitle(ports: ActivationPorts, caller: Caller, entitlement: Entitlement) {
  await changeOrganization(ports, caller.orgId, (org) => ({ ...org, entitlement }));
}
