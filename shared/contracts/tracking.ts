import { z } from 'zod';
import { activityTypeId, comment, timeZone, workItemId } from './common.js';

export const startTrackingBody = z.strictObject({
  workItemId,
  remark: comment.optional(),
  activityTypeId: activityTypeId.optional(),
  isBillable: z.boolean().optional(),
  timeZone: timeZone.optional(),
});
export type StartTrackingInput = z.infer<typeof startTrackingBody>;

/** Stop and "still working" carry no body; anything sent is refused rather than ignored. */
export const emptyBody = z.strictObject({}).optional();
