import { describe, expect, it } from 'vitest';
import { hasOffset, wallClockAt, wallClockInstant } from '../../shared/domain/time.js';

/** 7pace's local times without an offset, placed in a zone (worklog-input.ts, list-bounds.ts). */
describe('wall-clock time in a zone', () => {
  it('places local time at the zone\'s offset of that moment, winter and summer', () => {
    expect(wallClockInstant('2025-01-03T09:00:00', 'Europe/Berlin').toISOString()).toBe('2025-01-03T08:00:00.000Z');
    expect(wallClockInstant('2025-07-03T09:00:00', 'Europe/Berlin').toISOString()).toBe('2025-07-03T07:00:00.000Z');
    expect(wallClockInstant('2025-01-03T09:00:00', 'America/New_York').toISOString()).toBe('2025-01-03T14:00:00.000Z');
  });

  it('takes minutes east of UTC and bare dates (midnight)', () => {
    expect(wallClockInstant('2025-01-03T09:00:00', 330).toISOString()).toBe('2025-01-03T03:30:00.000Z');
    expect(wallClockInstant('2025-01-03', 'Asia/Tokyo').toISOString()).toBe('2025-01-02T15:00:00.000Z');
  });

  it('places a time that the spring change skips at the offset before it, and a doubled autumn hour at its first pass', () => {
    // 02:30 does not exist in Berlin on 2025-03-30; it reads as 02:30 at +01:00.
    expect(wallClockInstant('2025-03-30T02:30:00', 'Europe/Berlin').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 2025-10-26: the first, at +02:00.
    expect(wallClockInstant('2025-10-26T02:30:00', 'Europe/Berlin').toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });

  it('writes an instant back as 7pace does, and tells local times from instants', () => {
    expect(wallClockAt(new Date('2025-01-03T08:00:00Z'), 60)).toBe('2025-01-03T09:00:00');
    expect([hasOffset('2025-01-03T09:00:00Z'), hasOffset('2025-01-03T09:00:00+01:00'), hasOffset('2025-01-03T09:00:00'), hasOffset('2025-01-03')]).toEqual([true, true, false, false]);
  });
});
