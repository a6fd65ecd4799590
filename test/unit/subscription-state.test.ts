import { describe, expect, it } from 'vitest';
import { seatDecision, subscriptionState, type SubscriptionTerms } from '../../shared/domain/subscription.js';

const DAY = 86_400_000;
const start = '2025-01-06T09:00:00Z';
const after = (days: number) => new Date(Date.parse(start) + days * DAY);
const terms = (overrides: Partial<SubscriptionTerms> = {}): SubscriptionTerms => ({
  source: 'billing', subscriptionId: 'sub-1', plan: 'standard', seats: 3, periodEnd: after(30).toISOString(), cancelled: false, ...overrides,
});

describe('subscriptionState', () => {
  it('runs the trial for 28 days, counting a started day as a day left', () => {
    expect(subscriptionState(start, null, after(0))).toMatchObject({ status: 'trial', trialDaysLeft: 28, writable: true, seatLimit: null });
    expect(subscriptionState(start, null, after(27.9))).toMatchObject({ status: 'trial', trialDaysLeft: 1 });
    expect(subscriptionState(start, null, after(28))).toMatchObject({ status: 'expired', trialDaysLeft: 0, writable: false });
  });

  it('gives a subscription a grace week past due, but none once cancelled or for a license file', () => {
    expect(subscriptionState(start, terms(), after(29)).status).toBe('active');
    expect(subscriptionState(start, terms(), after(36.9))).toMatchObject({ status: 'pastDue', writable: true });
    expect(subscriptionState(start, terms(), after(37)).status).toBe('expired');
    expect(subscriptionState(start, terms({ cancelled: true }), after(30)).status).toBe('expired');
    expect(subscriptionState(start, terms({ source: 'licenseFile' }), after(30)).status).toBe('expired');
  });

  it('starts a new seat period with each renewal', () => {
    const before = subscriptionState(start, terms(), after(1)).periodKey;
    expect(subscriptionState(start, terms({ periodEnd: after(60).toISOString() }), after(31)).periodKey).not.toBe(before);
    expect(subscriptionState(start, terms({ seats: 9 }), after(2)).periodKey).toBe(before);
  });
});

describe('seatDecision', () => {
  const state = subscriptionState(start, terms({ seats: 2 }), after(1));
  it('keeps a holder, seats a newcomer while seats are left, refuses one when full', () => {
    expect(seatDecision(state, true, 5)).toBe('held');
    expect(seatDecision(state, false, 1)).toBe('claim');
    expect(seatDecision(state, false, 2)).toBe('full');
    expect(seatDecision(subscriptionState(start, null, after(1)), false, 10_000)).toBe('claim');
  });
});
