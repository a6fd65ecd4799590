/**
 * What a person types into a date or time field, read leniently and written one way:
 * days as YYYY-MM-DD (the API's and every test's form), times as 24-hour HH:MM.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-30", "2026-11-30T…" → "2026-11-30"; undefined when it is no calendar day. */
export function parseDayText(text: string): string | undefined {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "9", "930", "9:30", "9.30", "09:30", "9:30 pm", "21h" → "09:30" / "21:30"…; undefined when it is no time of day. */
export function parseTimeText(text: string): string | undefined {
  const match = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a|p)?\s*$/i.exec(text.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase()[0];
  if (half && (hours < 1 || hours > 12)) return undefined;
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** The day `days` after `day` (calendar arithmetic, no time zones). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** The time `minutes` later, within the day (wrapping past midnight). */
export function shiftTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = ((((h ?? 0) * 60 + (m ?? 0) + minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** The days a month grid shows for `month` (YYYY-MM-01): whole weeks from Monday, padded from the months around it. */
export function monthGrid(firstOfMonth: string): string[] {
  const [y, m] = firstOfMonth.split('-').map(Number);
  const first = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
  const start = shiftDay(firstOfMonth, -((first.getUTCDay() + 6) % 7));
  const daysInMonth = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  const cells = Math.ceil(((first.getUTCDay() + 6) % 7 + daysInMonth) / 7) * 7;
  return Array.from({ length: cells }, (_, i) => shiftDay(start, i));
}
