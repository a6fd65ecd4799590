import { z } from 'zod';
import { QUEUE_NAMES } from '../ports/message-queue.js';
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

export const userSettingsBody = z.strictObject({
  emailNotificationsOnTracking: z.boolean(),
  emailNotificationsOnApprovals: z.boolean().optional().describe('emails about time approvals; left out: unchanged'),
  timeZone: timeZone.nullable().optional().describe('IANA zone: what timestamps without an offset mean; left out: unchanged'),
});
export type UserSettingsInput = z.infer<typeof userSettingsBody>;

export const deadLetterQuery = z.strictObject({
  queue: z.enum(QUEUE_NAMES).optional(),
});
