import { addDays, weekStartOf } from './week.js';

/** A calendar month as "YYYY-MM"; its days are local days "YYYY-MM-DD". */
export const monthOf = (day: string) => day.slice(0, 7);

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1 + months, 1, 12);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export const firstDayOf = (month: string) => `${month}-01`;
export const lastDayOf = (month: string) => addDays(firstDayOf(addMonths(month, 1)), -1);

/** The month's weeks, each of 7 days from the first day of the week; days of the months around it fill the first and last. */
export function calendarWeeks(month: string, firstDayOfWeek: number): string[][] {
  const last = lastDayOf(month);
  const weeks: string[][] = [];
  for (let start = weekStartOf(new Date(`${firstDayOf(month)}T12:00:00`), firstDayOfWeek); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export interface DailyTarget {
  dailyTargetHours: number;
  /** 0 = Sunday … 6 = Saturday. */
  workdays: readonly number[];
}

/** What a day should hold: the daily target on a workday, nothing on other days. */
export function targetSeconds(day: string, target: DailyTarget): number {
  return target.workdays.includes(new Date(`${day}T12:00:00`).getDay()) ? Math.round(target.dailyTargetHours * 3600) : 0;
}

/**
 * How a day compares with its target: over, met, or under (only once the day has come:
 * a future day is not behind yet); none for a day without target or time.
 */
export function dayStanding(logged: number, target: number, day: string, today: string): 'over' | 'met' | 'under' | 'none' {
  if (logged > target) return 'over';
  if (target === 0) return 'none';
  if (logged === target) return 'met';
  return day <= today ? 'under' : 'none';
}
