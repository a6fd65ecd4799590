import { z } from 'zod';
import { comment, isoDay, queryInt } from './common.js';
import { userId } from './roles.js';
import { clockTimeOrDay, liberalKeys, liberalQueryKeys } from './seven-pace.js';

export const weekday = z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday');

export const approvalSettingsBody = z.strictObject({
  enabled: z.boolean(),
  firstDayOfWeek: weekday.describe('the first day of the organization\'s week: 0 = Sunday, 1 = Monday … 6 = Saturday'),
  approvers: z.enum(['teamLeads', 'administrators']).describe('teamLeads: Team leads approve their teams\' members and Administrators anyone\'s; administrators: only Administrators'),
  requireCompleteWeek: z.boolean().describe('a week needs at least minimumWeekHours before it can be submitted'),
  minimumWeekHours: z.number().min(0).max(168),
  reminderDay: weekday.nullable().describe('the weekday reminders about unsubmitted past weeks go out; null: none'),
  emailNotices: z.boolean().describe('email approvers and members about submissions and decisions'),
});
export type ApprovalSettings = z.infer<typeof approvalSettingsBody>;

/** A 7pace day: a date, or a time whose date is meant (`2021-11-15T00:00:00`). */
const weekDay = clockTimeOrDay.transform((value) => value.slice(0, 10)).pipe(isoDay).describe('any day of the week (a date, or a time on it)');

/** 7pace's POST timeApproval/week (keys in any casing): any day of the week names it (the org's first day of week starts it). */
export const submitWeekFields = z.strictObject({
  weekStart: weekDay,
  assignedManagerId: userId.describe('the approver the week goes to (GET /api/approvals/approvers lists them)'),
});
export const submitWeekBody = liberalKeys(submitWeekFields);

export const weekStartQuery = liberalQueryKeys(z.strictObject({ weekStart: weekDay }));

export const decideWeekBody = z.strictObject({
  userId,
  weekStart: isoDay,
  reason: comment.optional().describe('why (required to reopen)'),
});
export type DecideWeekInput = z.infer<typeof decideWeekBody>;

/** 7pace's list: weeks that include $fromTimestamp's day or are later, and include $toTimestamp's day or are earlier. */
export const approvalListQuery = liberalQueryKeys(z.strictObject({
  $count: queryInt(1, 500).optional(),
  $skip: queryInt(0, 100_000).optional(),
  $expand: z.string().max(200).optional(),
  $fromTimestamp: clockTimeOrDay.optional().describe('a date or time: weeks that include its day or are later'),
  $toTimestamp: clockTimeOrDay.optional().describe('a date or time: weeks that include its day or are earlier'),
}));
export type ApprovalListQuery = z.infer<typeof approvalListQuery>;

export const myWeeksQuery = z
  .strictObject({ from: isoDay, to: isoDay, userId: userId.optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 400, { message: 'at most 400 days', path: ['to'] });
export type MyWeeksQuery = z.infer<typeof myWeeksQuery>;

export const approvalQueueQuery = z.strictObject({
  state: z.enum(['submitted', 'approved', 'reopened', 'closed']).optional().describe('default: submitted (waiting for a decision)'),
  onlyAssignedToMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ApprovalQueueQuery = z.infer<typeof approvalQueueQuery>;
