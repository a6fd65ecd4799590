import type { Caller } from '../identity/caller.js';
import { listOrgUsers } from '../orgs/org-users.js';
import { loadOrganization } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { buyNowLink, type BillingSettings } from './billing-settings.js';
import { orgSubscriptionState } from './org-subscription.js';
import { seatsUsed } from './seats.js';

/** Organization Settings → Timehub → Subscription: the plan, status, seats and the Buy now link. */
export async function getSubscription(ports: Pick<Ports, 'store' | 'clock'>, billing: BillingSettings, caller: Caller) {
  const org = await loadOrganization(ports, caller.orgId, caller.orgName);
  const state = await orgSubscriptionState(ports, org);
  const [used, admins] = await Promise.all([seatsUsed(ports.store, caller.orgId, state.periodKey), listOrgUsers(ports.store, caller.orgId, true)]);
  return {
    plan: state.plan,
    status: state.status,
    source: state.source,
    subscriptionId: state.subscriptionId,
    trialDaysLeft: state.trialDaysLeft,
    seats: { licensed: state.seatLimit, used },
    renewalDate: state.renewalDate,
    cancelled: state.cancelled,
    readOnly: !state.writable,
    buyNowUrl: buyNowLink(billing, org.name),
    billingAdmins: admins.map((a) => a.user),
  };
}

export type SubscriptionView = Awaited<ReturnType<typeof getSubscription>>;
