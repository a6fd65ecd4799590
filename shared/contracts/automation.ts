import { z } from 'zod';
import { QUEUE_NAMES } from '../ports/message-queue.js';
import { queryInt } from './common.js';

/** The rounding steps an org may pick (hours); 0: not rounded. */
export const ROUNDING_STEPS = [0, 0.1, 0.25, 0.5, 1] as const;

export const automationSettingsBody = z.strictObject({
  enabled: z.boolean().describe('write tracked time back to work items (off by default)'),
  completedWork: z.enum(['add', 'none']).describe('add tracked time to Completed Work, or leave it'),
  remainingWork: z.enum(['subtract', 'none']).describe('take tracked time off Remaining Work (never below 0), or leave it'),
  roundingHours: z.union(ROUNDING_STEPS.map((step) => z.literal(step))).describe('round the written total to this many hours; 0: no rounding'),
  workItemTypes: z.array(z.string().trim().min(1).max(128)).min(1).max(50)
    .refine((types) => new Set(types.map((t) => t.toLowerCase())).size === types.length, 'name each type once')
    .describe('the work item types written to, e.g. Task, Bug'),
});
export type AutomationSettingsInput = z.infer<typeof automationSettingsBody>;

export const recomputeQuery = z.strictObject({ workItemId: queryInt(1, 2_147_483_647) });
export const recomputeBody = z.strictObject({ workItemId: z.number().int().min(1).max(2_147_483_647) });

export const deadLetterRetryBody = z.strictObject({
  queue: z.enum(QUEUE_NAMES),
  messageId: z.string().min(1).max(400),
});
