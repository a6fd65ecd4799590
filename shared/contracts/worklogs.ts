import { z } from 'zod';
import { activityTypeId, comment, isoInstant, queryBoolean, queryInt, timeZone, workItemId } from './common.js';
import { userId } from './roles.js';

export const MAX_PAGE = 500;
/** How deep $skip reaches ($skip + $count); deeper pages go by continuation token. */
export const SKIP_WINDOW = 5_000;

export const newWorklogBody = z.strictObject({
  timestamp: isoInstant,
  length: z.number().int().describe('seconds, 1 to 86400'),
  billableLength: z.number().int().nonnegative().optional().describe('seconds; defaults to length'),
  workItemId: workItemId.nullable().optional(),
  comment: comment.nullable().optional(),
  activityTypeId: activityTypeId.nullable().optional(),
  timeZone: timeZone.optional().describe('the day the worklog counts on; else the offset in timestamp'),
});
export type NewWorklogInput = z.infer<typeof newWorklogBody>;

export const worklogBatchBody = z.array(newWorklogBody).min(1).max(MAX_PAGE, `a batch holds at most ${MAX_PAGE} worklogs`);
export const worklogBatchQuery = z.strictObject({ validateOnly: queryBoolean.optional(), userId: userId.optional() });

export const worklogPatchBody = newWorklogBody.partial().refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change');
export type WorklogPatch = z.infer<typeof worklogPatchBody>;

const csvIds = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be comma-separated work item ids, e.g. 1,2,3')
  .transform((s) => s.split(',').map(Number));

export const worklogListQuery = z
  .strictObject({
    $fromTimestamp: isoInstant.optional(),
    $toTimestamp: isoInstant.optional(),
    $workItemIds: csvIds.optional(),
    $count: queryInt(1, MAX_PAGE).optional(),
    $skip: queryInt(0, 1_000_000).optional().describe(`$skip + $count at most ${SKIP_WINDOW}; page deeper with $continuationToken`),
    $continuationToken: z.string().max(1000).optional().describe('the X-Continuation-Token header of the previous page, sent back unchanged with the same filters'),
    userId: userId.optional().describe("whose worklogs (the caller's when left out; others' need a role that may read them)"),
  })
  .refine((q) => !q.$fromTimestamp || !q.$toTimestamp || Date.parse(q.$fromTimestamp) <= Date.parse(q.$toTimestamp), {
    message: '$fromTimestamp must not be after $toTimestamp',
    path: ['$toTimestamp'],
  });
export type WorklogListQuery = z.infer<typeof worklogListQuery>;
