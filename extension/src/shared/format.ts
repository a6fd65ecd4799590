/**
 * Display and parsing of lengths and local times. Lengths are whole seconds, as in the API.
 * Every label follows the user's preferences (time and date format): the page applies
 * them once (preferences.tsx), and tests pass them explicitly.
 */

import type { DATE_FORMATS, TIME_FORMATS } from '../../../shared/contracts/settings.js';

export type TimeFormat = (typeof TIME_FORMATS)[number];
export type DateFormat = (typeof DATE_FORMATS)[number];
export interface FormatPreferences {
  timeFormat: TimeFormat;
  dateFormat: DateFormat;
}

export const DEFAULT_FORMAT: FormatPreferences = { timeFormat: 'h:mm', dateFormat: 'locale' };
let active: FormatPreferences = DEFAULT_FORMAT;

/** The page's preferences, from now on (called when they load and when the user saves new ones). */
export function applyFormatPreferences(preferences: FormatPreferences) {
  active = { timeFormat: preferences.timeFormat, dateFormat: preferences.dateFormat };
}

/** The locale dates are written in: the browser's (undefined) or the one chosen. */
const localeOf = (preferences: FormatPreferences) => (preferences.dateFormat === 'locale' ? undefined : preferences.dateFormat);

const pad = (n: number) => String(n).padStart(2, '0');

/** 3725 → "1:02" (hours:minutes). */
export function hoursMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** 5400 → "1.5", 4800 → "1.33": decimal hours, at most two decimals. */
export function decimalHours(seconds: number): string {
  return String(Math.round((seconds / 3600) * 100) / 100);
}

/** Hours in the user's time format: "1:30" or "1.5" (totals, tables, form fields; parseDuration reads both back). */
export function hoursLabel(seconds: number, preferences = active): string {
  return preferences.timeFormat === 'decimal' ? decimalHours(seconds) : hoursMinutes(seconds);
}

/** A length to read: hoursLabel, but under a minute "45s" rather than a misleading "0:00" or "0.01". */
export function lengthLabel(seconds: number, preferences = active): string {
  return seconds > 0 && seconds < 60 ? `${Math.round(seconds)}s` : hoursLabel(seconds, preferences);
}

/** A difference from a target: "+0:30", "−1.5" (0: "±0:00"). */
export function differenceLabel(seconds: number, preferences = active): string {
  const sign = seconds > 0 ? '+' : seconds < 0 ? '−' : '±';
  return `${sign}${hoursLabel(Math.abs(seconds), preferences)}`;
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
  match = /^(\d+(?:[.,]\d+)?)$/.exec(t);
  if (match) return Math.round(Number(match[1]!.replace(',', '.')) * 3600);
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
 * One date and one time format on every page, from the browser's locale or the one the
 * user chose: "Mon, Nov 30" (with the year when it is not this year) and "5:06 PM" or
 * "17:06" as the locale writes it.
 */
const dateFormat = (date: Date): Intl.DateTimeFormatOptions => ({
  weekday: 'short', day: 'numeric', month: 'short', ...(date.getFullYear() !== new Date().getFullYear() && { year: 'numeric' }),
});

const noonOf = (day: string) => new Date(`${day}T12:00:00`);

/** A local day (YYYY-MM-DD): "Mon, Nov 30". */
export function dayLabel(day: string, preferences = active): string {
  return dateLabel(`${day}T12:00:00`, preferences);
}

/** An instant's local day: "Mon, Nov 30". */
export function dateLabel(iso: string, preferences = active): string {
  const date = new Date(iso);
  return date.toLocaleDateString(localeOf(preferences), dateFormat(date));
}

/** A local day without its weekday: "Nov 30". */
export function shortDayLabel(day: string, preferences = active): string {
  return noonOf(day).toLocaleDateString(localeOf(preferences), { day: 'numeric', month: 'short' });
}

/** A span of local days: "Nov 30 – Dec 6, 2026", as the locale writes a range. */
export function dayRangeLabel(first: string, last: string, preferences = active): string {
  const format = new Intl.DateTimeFormat(localeOf(preferences), { day: 'numeric', month: 'short', year: 'numeric' });
  return format.formatRange(noonOf(first), noonOf(last));
}

/** A month (YYYY-MM): "November 2026" (long) or "Nov 26" (short, chart axes). */
export function monthLabel(month: string, style: 'long' | 'short' = 'long', preferences = active): string {
  return noonOf(`${month}-15`).toLocaleDateString(localeOf(preferences), { month: style, year: style === 'long' ? 'numeric' : '2-digit' });
}

/** A weekday's short name (0 = Sunday … 6 = Saturday): "Mon". */
export function weekdayLabel(weekday: number, preferences = active): string {
  // 2023-01-01 was a Sunday.
  return noonOf(`2023-01-0${weekday + 1}`).toLocaleDateString(localeOf(preferences), { weekday: 'short' });
}

/** An instant's local time: "5:06 PM" (or "17:06", as the locale writes it). */
export function timeLabel(date: Date, preferences = active): string {
  return date.toLocaleTimeString(localeOf(preferences), { hour: 'numeric', minute: '2-digit' });
}

/** An instant: "Mon, Nov 30, 5:06 PM". */
export function dateTimeLabel(iso: string, preferences = active): string {
  return `${dateLabel(iso, preferences)}, ${timeLabel(new Date(iso), preferences)}`;
}

/** A span of local times on one day: "5:06 – 5:07 PM" as the locale writes a range. */
export function timeRangeLabel(start: Date, end: Date, preferences = active): string {
  return new Intl.DateTimeFormat(localeOf(preferences), { hour: 'numeric', minute: '2-digit' }).formatRange(start, end);
}
