import type { SubscriptionView } from '../shared/api-types.js';
import { dateLabel } from '../shared/format.js';

const STATUS_TITLES: Record<SubscriptionView['status'], string> = {
  trial: 'Trial',
  active: 'Active',
  pastDue: 'Past due',
  expired: 'Expired',
};

export const statusTitle = (subscription: SubscriptionView) => STATUS_TITLES[subscription.status] ?? subscription.status;

/** One sentence on where the org stands, e.g. "Trial: 21 days left (until 18 Dec 2026)". */
export function statusSentence(subscription: SubscriptionView): string {
  switch (subscription.status) {
    case 'trial': {
      const days = subscription.trialDaysLeft ?? 0;
      return `Trial: ${days} ${days === 1 ? 'day' : 'days'} left (until ${dateLabel(subscription.renewalDate)}).`;
    }
    case 'active':
      return subscription.cancelled
        ? `Active until ${dateLabel(subscription.renewalDate)}; cancelled, so it will not renew.`
        : `Active; renews on ${dateLabel(subscription.renewalDate)}.`;
    case 'pastDue':
      return `Past due since ${dateLabel(subscription.renewalDate)}: renew to keep tracking.`;
    case 'expired':
      return 'Expired: Timehub is read-only until the organization buys or activates a subscription.';
  }
}

export function seatsSentence(subscription: SubscriptionView): string {
  const { licensed, used } = subscription.seats;
  const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;
  return licensed === null ? `${seats(used)} used (no limit during the trial)` : `${used} of ${seats(licensed)} used`;
}
