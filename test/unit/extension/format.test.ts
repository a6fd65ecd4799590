import { afterEach, describe, expect, it } from 'vitest';
import {
  applyFormatPreferences, dayLabel, dayRangeLabel, DEFAULT_FORMAT, differenceLabel, hoursLabel, lengthLabel, parseDuration, timeLabel, weekdayLabel,
  type FormatPreferences,
} from '../../../extension/src/shared/format.js';
import { calendarWeeks, dayStanding, lastDayOf, targetSeconds } from '../../../extension/src/time-hub/timesheet/month.js';
import { approvalPeriodStarts } from '../../../extension/src/time-hub/timesheet/week-locks.js';
import { weekDays, weekLabel, weekStartOf } from '../../../extension/src/time-hub/timesheet/week.js';

const hMm: FormatPreferences = { timeFormat: 'h:mm', dateFormat: 'en-US' };
const decimal: FormatPreferences = { timeFormat: 'decimal', dateFormat: 'en-US' };
/** Intl writes some spaces as narrow no-break spaces: compare them as plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

afterEach(() => applyFormatPreferences(DEFAULT_FORMAT));

describe('lengths in the user\'s time format', () => {
  it.each([
    [5400, '1:30', '1.5'],
    [4800, '1:20', '1.33'],
    [8 * 3600, '8:00', '8'],
    [0, '0:00', '0'],
    [900, '0:15', '0.25'],
  ])('writes %i seconds as %s in h:mm and %s in decimal hours', (seconds, asHoursMinutes, asDecimal) => {
    expect(hoursLabel(seconds, hMm)).toBe(asHoursMinutes);
    expect(hoursLabel(seconds, decimal)).toBe(asDecimal);
    expect(parseDuration(asHoursMinutes)).toBe(Math.floor(seconds / 60) * 60);
    expect(parseDuration(asDecimal)).toBe(Math.round(Number(asDecimal) * 3600));
  });

  it('says under a minute in seconds in both formats, never a misleading 0', () => {
    expect(lengthLabel(45, hMm)).toBe('45s');
    expect(lengthLabel(45, decimal)).toBe('45s');
    expect(lengthLabel(90 * 60, decimal)).toBe('1.5');
  });

  it('signs differences from a target', () => {
    expect(differenceLabel(1800, hMm)).toBe('+0:30');
    expect(differenceLabel(-5400, decimal)).toBe('−1.5');
    expect(differenceLabel(0, hMm)).toBe('±0:00');
  });

  it('reads a decimal comma as typed in German', () => {
    expect(parseDuration('1,5')).toBe(5400);
  });

  it('follows the preferences the page applied when none are passed', () => {
    expect(hoursLabel(5400)).toBe('1:30');
    applyFormatPreferences({ timeFormat: 'decimal', dateFormat: 'de-DE' });
    expect(hoursLabel(5400)).toBe('1.5');
    expect(lengthLabel(2700)).toBe('0.75');
    expect(dayLabel('2020-11-30')).toBe('Mo., 30. Nov. 2020');
  });
});

describe('dates in the user\'s date style', () => {
  it.each([
    ['en-US', 'Mon, Nov 30, 2020', '5:06 PM', 'Sun'],
    ['en-GB', 'Mon, 30 Nov 2020', '17:06', 'Sun'],
    ['de-DE', 'Mo., 30. Nov. 2020', '17:06', 'So'],
    ['fr-FR', 'lun. 30 nov. 2020', '17:06', 'dim.'],
  ] as const)('writes days, times and weekdays as %s does', (dateFormat, day, time, sunday) => {
    const preferences: FormatPreferences = { timeFormat: 'h:mm', dateFormat };
    expect(plain(dayLabel('2020-11-30', preferences))).toBe(day);
    expect(plain(timeLabel(new Date(2020, 10, 30, 17, 6), preferences))).toBe(time);
    expect(weekdayLabel(0, preferences)).toBe(sunday);
  });

  it('writes a week as one range in the locale', () => {
    expect(plain(dayRangeLabel('2026-11-29', '2026-12-05', hMm))).toBe('Nov 29 – Dec 5, 2026');
    expect(plain(dayRangeLabel('2026-11-29', '2026-12-05', { timeFormat: 'h:mm', dateFormat: 'en-GB' }))).toBe('29 Nov – 5 Dec 2026');
  });
});

describe('weeks from the user\'s first day', () => {
  const sunday = new Date(2026, 10, 29, 0, 30);

  it.each([
    [1, '2026-11-23'],
    [0, '2026-11-29'],
    [6, '2026-11-28'],
    [3, '2026-11-25'],
  ])('starts the week of Sunday Nov 29 on weekday %i at %s', (firstDay, start) => {
    expect(weekStartOf(sunday, firstDay)).toBe(start);
    expect(weekDays(start)).toHaveLength(7);
    expect(weekDays(start)).toContain('2026-11-29');
  });

  it('labels a Sunday week from Sunday to Saturday', () => {
    applyFormatPreferences(hMm);
    expect(plain(weekLabel('2026-11-29'))).toBe('Nov 29 – Dec 5, 2026');
  });

  it('shows one approval week when the user\'s week is the org\'s, and the two it straddles otherwise', () => {
    expect(approvalPeriodStarts('2026-11-30', 1)).toEqual(['2026-11-30']);
    expect(approvalPeriodStarts('2026-11-29', 1)).toEqual(['2026-11-23', '2026-11-30']);
  });
});

describe('the month calendar', () => {
  it('lays November 2026 out in full weeks from the first day of the week', () => {
    const mondays = calendarWeeks('2026-11', 1);
    expect(mondays.map((week) => week[0])).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    const sundays = calendarWeeks('2026-11', 0);
    expect(sundays.map((week) => week[0])).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    expect(sundays.at(-1)?.at(-1)).toBe('2026-12-05');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
  });

  it('targets workdays only and marks days over, at and under it (under only once the day came)', () => {
    const target = { dailyTargetHours: 7.5, workdays: [1, 2, 3, 4, 5] };
    expect(targetSeconds('2026-11-30', target)).toBe(27_000); // a Monday
    expect(targetSeconds('2026-11-29', target)).toBe(0); // a Sunday
    expect(dayStanding(30_000, 27_000, '2026-11-30', '2026-12-01')).toBe('over');
    expect(dayStanding(27_000, 27_000, '2026-11-30', '2026-12-01')).toBe('met');
    expect(dayStanding(3600, 27_000, '2026-11-30', '2026-12-01')).toBe('under');
    expect(dayStanding(0, 27_000, '2026-12-02', '2026-12-01')).toBe('none');
    expect(dayStanding(3600, 0, '2026-11-29', '2026-12-01')).toBe('over');
    expect(dayStanding(0, 0, '2026-11-29', '2026-12-01')).toBe('none');
  });
});
