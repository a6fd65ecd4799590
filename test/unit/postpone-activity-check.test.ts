import { describe, expect, it } from 'vitest';
import { POSTPONE_OPTIONS, postponedCheckAt } from '../../shared/tracking/postpone-activity-check.js';

/** 7pace's idleCheck options, in the zone the tracker was started in. */
const when = (option: 0 | 1 | 2, now: string, zone: { timeZone: string | null; utcOffsetMinutes: number }) =>
  postponedCheckAt(option, zone, new Date(now)).toISOString();

describe('postponedCheckAt', () => {
  it('one hour is an hour from now, whatever the zone', () => {
    expect(when(POSTPONE_OPTIONS.oneHour, '2025-01-06T23:30:00Z', { timeZone: 'Asia/Tokyo', utcOffsetMinutes: 540 })).toBe('2025-01-07T00:30:00.000Z');
  });

  it("tomorrow is the next local midnight: the user's day, not UTC's", () => {
    // 23:30 UTC on Monday is already Tuesday 08:30 in Tokyo: tomorrow is Wednesday there.
    expect(when(POSTPONE_OPTIONS.tomorrow, '2025-01-06T23:30:00Z', { timeZone: 'Asia/Tokyo', utcOffsetMinutes: 540 })).toBe('2025-01-07T15:00:00.000Z');
    expect(when(POSTPONE_OPTIONS.tomorrow, '2025-01-06T23:30:00Z', { timeZone: null, utcOffsetMinutes: -300 })).toBe('2025-01-07T05:00:00.000Z');
  });

  it('next Monday: from a Sunday the day after, from a Monday a week later', () => {
    expect(when(POSTPONE_OPTIONS.nextMonday, '2025-01-05T12:00:00Z', { timeZone: 'Europe/Berlin', utcOffsetMinutes: 60 })).toBe('2025-01-05T23:00:00.000Z');
    expect(when(POSTPONE_OPTIONS.nextMonday, '2025-01-06T12:00:00Z', { timeZone: 'Europe/Berlin', utcOffsetMinutes: 60 })).toBe('2025-01-12T23:00:00.000Z');
  });

  it("counts midnight in the zone's offset on that day (across a DST change)", () => {
    // Friday 2025-03-28 in Berlin (UTC+1); next Monday, 2025-03-31, is in summer time (UTC+2).
    expect(when(POSTPONE_OPTIONS.nextMonday, '2025-03-28T12:00:00Z', { timeZone: 'Europe/Berlin', utcOffsetMinutes: 60 })).toBe('2025-03-30T22:00:00.000Z');
  });
});
