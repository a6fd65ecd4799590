import { describe, expect, it } from 'vitest';
import { monthGrid, parseDayText, parseTimeText, shiftDay, shiftTime } from '../../../extension/src/shared/fields/date-time-text.js';

describe('what a person types into a time field', () => {
  it.each([
    ['9', '09:00'], ['930', '09:30'], ['9:30', '09:30'], ['9.30', '09:30'], ['21h30', '21:30'], ['09:30', '09:30'],
    ['9:30 pm', '21:30'], ['12 am', '00:00'], ['12:15 p', '12:15'], [' 7:05 ', '07:05'],
  ])('reads %j as %s', (typed, time) => expect(parseTimeText(typed)).toBe(time));

  it.each(['', '25:00', '9:60', '13 pm', 'noon', '1:2'])('refuses %j', (typed) => expect(parseTimeText(typed)).toBeUndefined());

  it('steps within the day, wrapping past midnight', () => {
    expect(shiftTime('23:50', 15)).toBe('00:05');
    expect(shiftTime('00:05', -15)).toBe('23:50');
  });
});

describe('what a person types into a date field', () => {
  it('reads yyyy-mm-dd (padding it) and refuses days that do not exist', () => {
    expect(parseDayText('2026-3-5')).toBe('2026-03-05');
    expect(parseDayText('2026-02-29')).toBeUndefined();
    expect(parseDayText('2028-02-29')).toBe('2028-02-29');
    expect(parseDayText('03/05/2026')).toBeUndefined();
  });

  it('steps across months and years', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lays a month out in whole weeks from Monday', () => {
    const days = monthGrid('2026-03-01');
    expect(days[0]).toBe('2026-02-23');
    expect(days.at(-1)).toBe('2026-04-05');
    expect(days.length % 7).toBe(0);
  });
});
