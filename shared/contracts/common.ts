import { z } from 'zod';
import { isValidTimeZone } from '../domain/time.js';

/** Time before 1970 or from 2100 on is a typo or an attack, never a worklog. */
export const EARLIEST_DAY = '1970-01-01';
export const LATEST_DAY = '2099-12-31';
const inRange = (day: string) => day >= EARLIEST_DAY && day <= LATEST_DAY;
const rangeMessage = `must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`;

export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const ms = Date.parse(value);
    return Number.isFinite(ms) && inRange(new Date(ms).toISOString().slice(0, 10));
  }, rangeMessage)
  .describe('ISO-8601 instant, e.g. 2026-11-27T09:00:00Z');
export const isoDay = z.iso.date().refine(inRange, rangeMessage).describe('a calendar day, YYYY-MM-DD');
export const workItemId = z.number().int().positive();
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');
export const comment = z.string().max(2000);
export const activityTypeId = z.string().min(1).max(100);

/** Query strings arrive as text: accept "12" where a number is meant. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
export const idParam = z.object({ id: z.string().min(1).max(100) });

/** 7pace's `$expand=user.displayName`: accepted; Timehub always sends displayName. */
export const expandQuery = z.strictObject({ $expand: z.string().max(200).optional() });
