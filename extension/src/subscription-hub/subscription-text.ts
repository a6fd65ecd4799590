import type { SubscriptionView } from '../shared/api-types.js';
import { dateLabel } from '../shared/format.js';

const STATUS_TITLES: Record<SubscriptionView['status'], string> = {
  trial: 'Trial',
  active: 'Active',
  pastDue: 'Past due',
  expired: 'Expired',
};

export const statusTitle = (subscription: SubscriptionView) => STATUS_TITLES[subscription.status] ?? subscription.status;

const PLAN_NAMES: Record<string, string> = { trial: 'Free trial', license: 'License file', standard: 'Standard' };

/** The plan as people say it: "Free trial", not the stored "trial"; an unknown one in words. */
export function planName(plan: string): string {
  const words = plan.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim().toLowerCase();
  return PLAN_NAMES[plan] ?? (words.charAt(0).toUpperCase() + words.slice(1));
}

/** What the status pill beside it does not say, e.g. "28 days left, until Mon, Dec 28". */
export function statusSentence(subscription: SubscriptionView): string {
  switch (subscription.status) {
    case 'trial': {
      const days = subscription.trialDaysLeft ?? 0;
      return `${days} ${days === 1 ? 'day' : 'days'} left, until ${dateLabel(subscription.renewalDate)}.`;
    }
    case 'active':
      return subscription.cancelled
        ? `Until ${dateLabel(subscription.renewalDate)}; cancelled, so it will not renew.`
        : `Renews on ${dateLabel(subscription.renewalDate)}.`;
    case 'pastDue':
      return `Since ${dateLabel(subscription.renewalDate)}: renew to keep tracking.`;
    case 'expired':
      return 'Timehub is read-only until the organization buys or activates a subscription.';
  }
}

export function seatsSentence(subscription: SubscriptionView): string {
  const { licensed, used } = subscription.seats;
  const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;
  return licensed === null ? `${seats(used)} used (no limit during the trial)` : `${used} of ${seats(licensed)} used`;
}
