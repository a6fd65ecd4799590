import { z } from 'zod';
import { QUEUE_NAMES } from '../ports/message-queue.js';
import { weekday } from './approvals.js';
import { timeZone } from './common.js';

export const trackingSettingsBody = z.strictObject({
  activityCheck: z.strictObject({
    enabled: z.boolean(),
    intervalMinutes: z.number().int().min(1).max(480),
    waitingSeconds: z.number().int().min(10).max(3600),
  }),
  maxTrackLengthHours: z.number().int().min(1).max(24),
  emailNotifications: z.boolean(),
});
export type TrackingSettingsInput = z.infer<typeof trackingSettingsBody>;

/** How lengths read: `1:30` (hours:minutes) or `1.5` (decimal hours). */
export const TIME_FORMATS = ['h:mm', 'decimal'] as const;
/** How dates and times of day read: the browser's locale, or one of a few locale styles. */
export const DATE_FORMATS = ['locale', 'en-US', 'en-GB', 'de-DE', 'fr-FR'] as const;

/** A user's preferences as the UI applies them. */
export interface Preferences {
  timeFormat: (typeof TIME_FORMATS)[number];
  dateFormat: (typeof DATE_FORMATS)[number];
  /** The first day of the user's timesheet week; null: the organization's. */
  firstDayOfWeek: number | null;
  /** What a workday should hold; the month view compares each day against it. */
  dailyTargetHours: number;
  /** The weekdays with a target (0 = Sunday … 6 = Saturday). */
  workdays: number[];
}

/** h:mm, the browser's dates, the organization's week, 8 hours Monday to Friday. */
export const DEFAULT_PREFERENCES: Preferences = { timeFormat: 'h:mm', dateFormat: 'locale', firstDayOfWeek: null, dailyTargetHours: 8, workdays: [1, 2, 3, 4, 5] };

const workdays = z.array(weekday).max(7).refine((days) => new Set(days).size === days.length, 'each weekday at most once');

export const userSettingsBody = z.strictObject({
  emailNotificationsOnTracking: z.boolean().optional().describe('emails when the server stops one\'s tracker; left out: unchanged'),
  emailNotificationsOnApprovals: z.boolean().optional().describe('emails about time approvals; left out: unchanged'),
  timeZone: timeZone.nullable().optional().describe('IANA zone: what timestamps without an offset mean; left out: unchanged'),
  timeFormat: z.enum(TIME_FORMATS).optional().describe('lengths as 1:30 (h:mm) or 1.5 (decimal hours)'),
  dateFormat: z.enum(DATE_FORMATS).optional().describe("dates and times of day as the browser's locale writes them, or as the named locale does"),
  firstDayOfWeek: weekday.nullable().optional().describe("the first day of one's timesheet week (0 = Sunday … 6 = Saturday); null: the organization's"),
  dailyTargetHours: z.number().min(0).max(24).optional().describe('hours a workday should hold (the month view compares against it)'),
  workdays: workdays.optional().describe('the weekdays that have a target (0 = Sunday … 6 = Saturday)'),
});
export type UserSettingsInput = z.infer<typeof userSettingsBody>;

export const deadLetterQuery = z.strictObject({
  queue: z.enum(QUEUE_NAMES).optional(),
});
