import { SECONDS_PER_DAY, addSeconds, isoSeconds } from './time.js';

/** An org gets this many days with every feature and no seat limit from its first session. */
export const TRIAL_DAYS = 28;
/** A subscription the vendor has not renewed stays writable this long past its period ("past due"). */
export const GRACE_DAYS = 7;

/** The terms of a subscription in force: fed by billing events, or read from a signed license file. */
export interface SubscriptionTerms {
  source: 'billing' | 'licenseFile';
  subscriptionId: string;
  plan: string;
  seats: number;
  /** When the paid period (or the license) ends. */
  periodEnd: string;
  /** Cancelled at the vendor: it runs to the end of the period and is not renewed. */
  cancelled: boolean;
}

/** What an org activated, kept on its organization document. */
export type Entitlement =
  /** By id: the terms live in the vendor's subscription record, which billing events keep current. */
  | { source: 'billing'; subscriptionId: string; activatedTimestamp: string; activatedBy: string }
  /** Offline: the verified terms of a signed license file. */
  | { source: 'licenseFile'; terms: SubscriptionTerms; activatedTimestamp: string; activatedBy: string };

export type SubscriptionStatus = 'trial' | 'active' | 'pastDue' | 'expired';

export interface SubscriptionState {
  status: SubscriptionStatus;
  source: 'trial' | SubscriptionTerms['source'];
  plan: string;
  subscriptionId: string | null;
  /** Whole days left in the trial, counting a started day; null outside the trial. */
  trialDaysLeft: number | null;
  /** null: no seat limit (the trial). */
  seatLimit: number | null;
  /** When the trial or the current period ends (the renewal date of a running subscription). */
  renewalDate: string;
  cancelled: boolean;
  /** Tracking and edits are allowed; reads always are. */
  writable: boolean;
  /** Seats are counted per billing period: a new period (renewal, new license) starts afresh. */
  periodKey: string;
}

export function trialEnd(trialStart: string): Date {
  return addSeconds(new Date(trialStart), TRIAL_DAYS * SECONDS_PER_DAY);
}

/** Where an org stands at `now`: its trial, or the subscription it activated. */
export function subscriptionState(trialStart: string, terms: SubscriptionTerms | null, now: Date): SubscriptionState {
  if (!terms) {
    const end = trialEnd(trialStart);
    const left = end.getTime() - now.getTime();
    const inTrial = left > 0;
    return {
      status: inTrial ? 'trial' : 'expired', source: 'trial', plan: 'trial', subscriptionId: null,
      trialDaysLeft: inTrial ? Math.ceil(left / (SECONDS_PER_DAY * 1000)) : 0,
      seatLimit: null, renewalDate: isoSeconds(end), cancelled: false, writable: inTrial, periodKey: 'trial',
    };
  }
  const status = termsStatus(terms, now);
  return {
    status, source: terms.source, plan: terms.plan, subscriptionId: terms.subscriptionId, trialDaysLeft: null,
    seatLimit: terms.seats, renewalDate: terms.periodEnd, cancelled: terms.cancelled, writable: status !== 'expired',
    periodKey: `${terms.subscriptionId}@${terms.periodEnd}`,
  };
}

function termsStatus(terms: SubscriptionTerms, now: Date): SubscriptionStatus {
  const end = new Date(terms.periodEnd).getTime();
  if (now.getTime() < end) return 'active';
  const graceEnd = addSeconds(new Date(terms.periodEnd), GRACE_DAYS * SECONDS_PER_DAY).getTime();
  const mayRenew = terms.source === 'billing' && !terms.cancelled;
  return mayRenew && now.getTime() < graceEnd ? 'pastDue' : 'expired';
}

/** Whether a user may take a seat: holders keep theirs even when seats shrink mid-period. */
export function seatDecision(state: SubscriptionState, holdsSeat: boolean, seatsUsed: number): 'held' | 'claim' | 'full' {
  if (holdsSeat) return 'held';
  if (state.seatLimit === null || seatsUsed < state.seatLimit) return 'claim';
  return 'full';
}
