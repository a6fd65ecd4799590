import { z } from 'zod';
import { activityTypeId, isoDay, queryBoolean } from './common.js';
import { teamName, userId } from './roles.js';
import { targetId } from './targets.js';

/**
 * A report spans at most a year and a day (a leap year, from any day to the same day a
 * year on): so it reads at most 13 rollups per user, whatever the org's history.
 */
export const MAX_REPORT_DAYS = 366;
/**
 * Enough for a year by user × week of 1,500 users (about 10 MB of JSON); more is no report
 * a person reads or a browser draws, and it would hold the server's memory: narrow it.
 */
export const MAX_REPORT_ROWS = 100_000;
/** Names in one filter: a longer list is an org-wide report with extra steps. */
const MAX_FILTER_ITEMS = 200;

export const REPORT_DIMENSIONS = ['user', 'workItem', 'target', 'activityType', 'billable', 'day', 'week', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const csv = <T extends z.ZodType<unknown, string>>(item: T, what: string) =>
  z
    .string()
    .max(10_000)
    .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(MAX_FILTER_ITEMS, `at most ${MAX_FILTER_ITEMS} ${what}`))
    .describe(`comma-separated ${what}`);

const workItemIdText = z.string().regex(/^\d{1,10}$/, 'must be work item ids, e.g. 1,2,3').transform(Number);

export const timeReportFields = z
  .strictObject({
    from: isoDay,
    to: isoDay,
    groupBy: z
      .string()
      .transform((s) => s.split(','))
      .pipe(z.array(z.enum(REPORT_DIMENSIONS)).min(1).max(2, 'group by one or two of them'))
      .refine((dims) => new Set(dims).size === dims.length, 'name each grouping once')
      .describe(`one or two of ${REPORT_DIMENSIONS.join(', ')}, comma-separated`),
    users: csv(userId, 'user ids').optional(),
    teams: csv(teamName, 'team names').optional(),
    workItems: csv(workItemIdText, 'work item ids').optional(),
    activityTypes: csv(activityTypeId, 'activity type ids').optional(),
    targets: csv(targetId, 'target ids').optional().describe('only time on these internal targets'),
    billable: queryBoolean.optional().describe('only billable (true) or only non-billable (false) time'),
    approval: csv(z.enum(['submitted', 'approved', 'closed', 'open']), 'approval states').optional()
      .describe('only time in weeks in these approval states (open: not submitted, withdrawn or reopened)'),
  });

/** The date rules of a report query, for the report and for its export. */
export const timeReportRules = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
    .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
      message: `a report spans at most ${MAX_REPORT_DAYS} days`,
      path: ['to'],
    });

export const timeReportQuery = timeReportRules(timeReportFields);
export type TimeReportQuery = z.infer<typeof timeReportQuery>;

export const recountRollupsBody = z.strictObject({ userId });
