/** Pure time arithmetic: instants are UTC, lengths whole seconds, days local to an offset. */

export const SECONDS_PER_DAY = 86_400;
export const MAX_WORKLOG_SECONDS = SECONDS_PER_DAY;

/** Drops milliseconds: worklogs start on whole seconds so that lengths add up exactly. */
export function toWholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

export function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}

export function secondsBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 1000);
}

export function isoSeconds(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The local calendar day (YYYY-MM-DD) of an instant seen at a UTC offset. */
export function localDay(instant: Date, utcOffsetMinutes: number): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The UTC offset of an IANA time zone at an instant, in minutes east of UTC. */
export function offsetOf(timeZone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC offset written in an ISO-8601 timestamp (`Z`, `+02:00`), in minutes. */
export function offsetWrittenIn(timestamp: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(timestamp);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); isoDay(day) <= to; day = addSeconds(day, SECONDS_PER_DAY)) {
    days.push(isoDay(day));
  }
  return days;
}

function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A zone as requests name one: IANA (`Europe/Berlin`) or minutes east of UTC (7pace). */
export type Zone = string | number;

export const offsetIn = (zone: Zone, instant: Date): number => (typeof zone === 'number' ? zone : offsetOf(zone, instant));

/** Whether an ISO-8601 text names its instant (`Z`, `+01:00`) rather than a local wall-clock time. */
export const hasOffset = (text: string) => /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text);

/**
 * The instant a local wall-clock time (`2026-11-16T09:00:00`, or a bare date: midnight)
 * names in `zone`. In a zone's gap or overlap (DST) the offset before the change wins.
 */
export function wallClockInstant(local: string, zone: Zone): Date {
  const wall = Date.parse(`${local.length === 10 ? `${local}T00:00:00` : local}Z`);
  if (typeof zone === 'number') return new Date(wall - zone * 60_000);
  const HALF_DAY = 12 * 3600_000;
  const [before, after] = [offsetOf(zone, new Date(wall - HALF_DAY)), offsetOf(zone, new Date(wall + HALF_DAY))];
  const at = (offset: number) => wall - offset * 60_000;
  const holds = (offset: number) => offsetOf(zone, new Date(at(offset))) === offset;
  // A doubled hour: its first pass; a skipped one (neither holds): the offset before the change.
  return new Date(holds(before) || !holds(after) ? at(before) : at(after));
}

/** An instant's local wall-clock time at an offset, as 7pace writes it: `2026-11-16T09:00:00`. */
export const wallClockAt = (instant: Date, utcOffsetMinutes: number) =>
  new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);

/** An offset as people read it: `UTC+01:00`, `UTC-05:30`. */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
