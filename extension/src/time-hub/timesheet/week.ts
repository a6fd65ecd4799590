import { localDayOf } from '../../shared/format.js';

/** The Monday of the week that holds `date`, as a local day. */
export function mondayOf(date: Date): string {
  const copy = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 12);
  const sinceMonday = (copy.getDay() + 6) % 7;
  copy.setDate(copy.getDate() - sinceMonday);
  return localDayOf(copy);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDayOf(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days, 12));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function weekLabel(monday: string): string {
  const first = new Date(`${monday}T12:00:00`);
  const last = new Date(`${addDays(monday, 6)}T12:00:00`);
  const format = (date: Date, withYear: boolean) =>
    date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
  return `${format(first, false)} – ${format(last, true)}`;
}
