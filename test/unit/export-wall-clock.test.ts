import { expect, it } from 'vitest';
import { wallClock } from '../../shared/exports/worklog-columns.js';

const byDate = (instant: string, offsetMinutes: number) => new Date(Date.parse(instant) + offsetMinutes * 60_000).toISOString().slice(0, 19);

it('gives the wall clock Date gives, at every quarter-hour offset, on both sides of midnight and of a month and year end', () => {
  const instants = ['2025-01-06T09:00:00Z', '2025-01-06T23:30:59Z', '2025-01-01T00:00:00Z', '2024-12-31T23:59:59Z', '2024-02-28T22:15:07Z', '2025-06-30T13:45:00Z'];
  for (const instant of instants) {
    for (let offset = -12 * 60; offset <= 14 * 60; offset += 15) expect(wallClock(instant, offset), `${instant} ${offset}`).toBe(byDate(instant, offset));
  }
});

it('leaves an instant with milliseconds or an odd offset to Date', () => {
  expect(wallClock('2025-01-06T09:00:00.500Z', 60)).toBe('2025-01-06T10:00:00');
  expect(wallClock('2025-01-06T09:00:00Z', 0.5)).toBe(byDate('2025-01-06T09:00:00Z', 0.5));
});
