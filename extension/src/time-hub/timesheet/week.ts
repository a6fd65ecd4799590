import { dayRangeLabel, localDayOf } from '../../shared/format.js';

/** The first day (0 = Sunday … 6 = Saturday) of the week that holds `date`, as a local day. */
export function weekStartOf(date: Date, firstDayOfWeek: number): string {
  const copy = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 12);
  copy.setDate(copy.getDate() - ((copy.getDay() - firstDayOfWeek + 7) % 7));
  return localDayOf(copy);
}

/** The Monday of the week that holds `date` (report weeks start on Monday). */
export const mondayOf = (date: Date) => weekStartOf(date, 1);

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDayOf(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days, 12));
}

export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** "Nov 30 – Dec 6, 2026". */
export const weekLabel = (weekStart: string) => dayRangeLabel(weekStart, addDays(weekStart, 6));
