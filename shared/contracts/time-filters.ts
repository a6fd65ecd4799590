import { z } from 'zod';
import { activityTypeId, isoDay, queryBoolean } from './common.js';
import { userId } from './roles.js';

/** Filters name at most this many ids of one kind: a longer list belongs in a saved view, not a URL. */
export const MAX_FILTER_IDS = 200;

const csvOf = <T extends z.ZodType>(item: T, example: string) =>
  z
    .string()
    .max(10_000)
    .transform((text, ctx) => {
      const parts = text.split(',');
      const parsed = z.array(item).min(1).max(MAX_FILTER_IDS).safeParse(parts);
      if (parsed.success) return parsed.data as z.output<T>[];
      ctx.addIssue({ code: 'custom', message: `must be up to ${MAX_FILTER_IDS} comma-separated values, e.g. ${example}` });
      return z.NEVER;
    });

const workItemIdText = z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().positive());

/**
 * The filters every way of reading time back shares (exports, the Times Explorer, reports):
 * spread into a route's query schema, then check the range with `refineDayRange`.
 * Days are the user's local days (a worklog's `localDay`), both ends included.
 */
export const timeFilterFields = {
  from: isoDay.optional().describe('first local day, YYYY-MM-DD (included)'),
  to: isoDay.optional().describe('last local day, YYYY-MM-DD (included)'),
  userIds: csvOf(userId, 'u1,u2').optional().describe("whose time (comma-separated user ids); by role, the caller's own, their teams' or everyone's when left out"),
  workItemIds: csvOf(workItemIdText, '1,2,3').optional().describe('comma-separated work item ids'),
  activityTypeIds: csvOf(activityTypeId, 'a1,a2').optional().describe('comma-separated activity type ids'),
  billable: queryBoolean.optional().describe('true: billable worklogs only; false: non-billable only'),
  source: z.enum(['tracked', 'manual']).optional().describe('tracked: recorded by the tracker; manual: entered by hand'),
  edited: queryBoolean.optional().describe('true: worklogs changed after they were created; false: unchanged ones'),
};

export const timeFilterQuery = z.strictObject(timeFilterFields);
export type TimeFilter = z.output<typeof timeFilterQuery>;

/** `from` after `to` is refused, naming `to`. */
export function refineDayRange<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
}
