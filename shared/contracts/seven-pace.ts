import { z } from 'zod';
import { EARLIEST_DAY, LATEST_DAY, isoDay, timeZone, workItemId } from './common.js';

/**
 * 7pace clients spell keys as its docs do (`timeStamp`) or as its answers do (`timestamp`):
 * ASP.NET binds them case-insensitively, so Timehub does too. Keys are matched to the
 * schema's own names (and `aliases`); unknown keys stay as sent, so a strict schema still
 * refuses them, and so does a second spelling of a key already given.
 */
export function liberalKeys<T extends z.ZodObject>(schema: T, aliases: Record<string, string> = {}) {
  const names = new Map(Object.keys(schema.shape).map((name) => [name.toLowerCase(), name]));
  for (const [alias, name] of Object.entries(aliases)) names.set(alias.toLowerCase(), name);
  return z.preprocess((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const seen = new Set<string>();
    // fromEntries defines own properties, so a `__proto__` key stays a plain (refused) key.
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => {
        const name = names.get(key.toLowerCase()) ?? key;
        if (seen.has(name)) return [key, field];
        seen.add(name);
        return [name, field];
      }),
    );
  }, schema);
}

/** Query keys as 7pace clients send them: `$fromTimestamp`, `_fromTimestamp` (T6), any casing. */
export const liberalQueryKeys = <T extends z.ZodObject>(schema: T) =>
  liberalKeys(schema, Object.fromEntries(Object.keys(schema.shape).filter((name) => name.startsWith('$')).map((name) => [`_${name.slice(1)}`, name])));

const inRange = (value: string) => {
  const day = new Date(Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`)).toISOString().slice(0, 10);
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
};

/**
 * A start time as 7pace takes it: an instant (`Z` or an offset), or local time without an
 * offset (`2026-11-16T09:00:00`), which means the user's time zone (see worklog-input.ts).
 */
export const clockTime = z.iso
  .datetime({ offset: true, local: true })
  .refine((value) => Number.isFinite(Date.parse(`${value}`)) && inRange(value), `must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`)
  .describe("ISO-8601: an instant (2026-11-16T08:00:00Z, +01:00) or the user's local time without an offset (2026-11-16T09:00:00)");

/** A list bound: a clock time, or a bare date (local midnight), as in `$fromTimestamp=2018-05-01`. */
export const clockTimeOrDay = z
  .string()
  .refine((value) => clockTime.safeParse(value).success || isoDay.safeParse(value).success || !isDayOrTime(value), `must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`)
  .refine(isDayOrTime, 'must be a date (2018-05-01) or an ISO-8601 time (2018-05-01T10:28:00, with or without an offset)')
  .describe('a date (local midnight) or an ISO-8601 time; without an offset: local time');

function isDayOrTime(value: string) {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?)?$/.test(value) && Number.isFinite(Date.parse(value.length === 10 ? value : `${value}`));
}

/** An IANA zone (Timehub) or minutes east of UTC (7pace's tracking `timeZone`). */
export const zoneOrMinutes = z.union([timeZone, z.number().int().min(-840).max(840)]);

/** 7pace's batch model types workItemId as a string: "1349" is taken as 1349. */
export const liberalWorkItemId = z.union([workItemId, z.string().regex(/^\d{1,9}$/).transform(Number).pipe(workItemId)]);

/** `true`/`false` in any casing, and 1/0, as query strings from .NET and Python send them. */
export const liberalQueryBoolean = z
  .string()
  .regex(/^(true|false|1|0)$/i, 'must be true or false')
  .transform((value) => value.toLowerCase() === 'true' || value === '1');
