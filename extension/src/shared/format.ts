/** Display and parsing of lengths and local times. Lengths are whole seconds, as in the API. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 3725 → "1:02" (hours:minutes), as timesheets show it. */
export function hoursMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/**
 * A length to read: "1:02" as timesheets show it; under a minute "45s" rather than a
 * misleading "0:00". (Form fields take hoursMinutes, which parseDuration reads back.)
 */
export function lengthLabel(seconds: number): string {
  return seconds > 0 && seconds < 60 ? `${Math.round(seconds)}s` : hoursMinutes(seconds);
}

/** 3725 → "01:02:05", for a running timer. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** "1:30", "1.5" (hours), "1h 30m" or "90m" → seconds; undefined when unreadable. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  let match = /^(\d+):([0-5]?\d)$/.exec(t);
  if (match) return Number(match[1]) * 3600 + Number(match[2]) * 60;
  match = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+)\s*m)?$/.exec(t);
  if (match && (match[1] || match[2])) return Math.round(Number(match[1] ?? 0) * 3600) + Number(match[2] ?? 0) * 60;
  match = /^(\d+(?:\.\d+)?)$/.exec(t);
  if (match) return Math.round(Number(match[1]) * 3600);
  return undefined;
}

/** A local day (YYYY-MM-DD) of a Date in the browser's zone. */
export function localDayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "09:30" in the browser's zone. */
export function localTimeOf(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local day and "HH:MM" → the instant, as ISO-8601 with the browser's offset (what the API records). */
export function localInstant(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, 0, 0);
  return isoWithOffset(date);
}

export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${localDayOf(date)}T${localTimeOf(date)}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/*
 * One date and one time format on every page, from the browser's locale: "Mon, Nov 30"
 * (with the year when it is not this year) and "5:06 PM" or "17:06" as the locale writes it.
 */
const dateFormat = (date: Date): Intl.DateTimeFormatOptions => ({
  weekday: 'short', day: 'numeric', month: 'short', ...(date.getFullYear() !== new Date().getFullYear() && { year: 'numeric' }),
});

/** A local day (YYYY-MM-DD): "Mon, Nov 30". */
export function dayLabel(day: string): string {
  return dateLabel(`${day}T12:00:00`);
}

/** An instant's local day: "Mon, Nov 30". */
export function dateLabel(iso: string): string {
  const date = new Date(iso);
  return date.toLocaleDateString(undefined, dateFormat(date));
}

/** An instant's local time: "5:06 PM" (or "17:06", as the locale writes it). */
export function timeLabel(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** An instant: "Mon, Nov 30, 5:06 PM". */
export function dateTimeLabel(iso: string): string {
  return `${dateLabel(iso)}, ${timeLabel(new Date(iso))}`;
}

/** A span of local times on one day: "5:06 – 5:07 PM" as the locale writes a range. */
export function timeRangeLabel(start: Date, end: Date): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).formatRange(start, end);
}
