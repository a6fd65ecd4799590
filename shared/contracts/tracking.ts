import { z } from 'zod';
import { activityTypeId, comment, queryInt } from './common.js';
import { targetId } from './targets.js';
import { liberalKeys, liberalQueryKeys, liberalWorkItemId, zoneOrMinutes } from './seven-pace.js';

/** Timehub's UI and 7pace's tracking client (`tfsId`, `timeZone` in minutes east of UTC) both start this way. */
export const startTrackingFields = z.strictObject({
  workItemId: liberalWorkItemId.optional().describe("the work item (7pace: tfsId); left out: the target, else the one chosen by POST selected"),
  targetId: targetId.optional().describe("an internal target (GET /rest/targets) instead of a work item, never both; Timehub's, 7pace has none"),
  remark: comment.nullable().optional(),
  activityTypeId: activityTypeId.nullable().optional().describe('left out, null or the all-zero "[Not Set]" id: the default type'),
  isBillable: z.boolean().nullable().optional().describe("null or left out: billable (on a target: the target's default)"),
  timeZone: zoneOrMinutes.optional().describe('IANA zone or minutes east of UTC: the day the time counts on'),
});
export type StartTrackingInput = z.infer<typeof startTrackingFields>;
export const startTrackingBody = liberalKeys(startTrackingFields, { tfsId: 'workItemId' });

/** 7pace's `selected`: what the next start tracks, when it names no work item. `tfsId: 0`: none. */
export const selectTrackFields = z.strictObject({
  workItemId: z.union([liberalWorkItemId, z.literal(0)]).nullable().optional(),
  remark: comment.nullable().optional(),
  activityTypeId: activityTypeId.nullable().optional(),
  calculateTotals: z.boolean().optional().describe('accepted; Timehub sends no totals here'),
});
export type SelectTrackInput = z.infer<typeof selectTrackFields>;
export const selectTrackBody = liberalKeys(selectTrackFields, { tfsId: 'workItemId' });

/** 7pace's `adjust`: the running track's remark and activity type. */
export const adjustTrackingFields = z.strictObject({
  remark: comment.nullable().optional(),
  activityTypeId: activityTypeId.nullable().optional(),
});
export type AdjustTrackingInput = z.infer<typeof adjustTrackingFields>;
export const adjustTrackingBody = liberalKeys(adjustTrackingFields);

/** Stop and "still working" carry no body; anything sent is refused rather than ignored. */
export const emptyBody = z.strictObject({}).optional();

/** 7pace's path forms: `current/{expand}`, `latest/{count}`, `stopTracking/{reason}`; and their query forms. */
export const expandParam = z.strictObject({ expand: z.enum(['true', 'false', 'True', 'False']) });
export const currentQuery = liberalQueryKeys(z.strictObject({ $expand: z.enum(['true', 'false', 'True', 'False']).optional() }));
export const MAX_LATEST = 100;
export const countParam = z.strictObject({ count: queryInt(1, MAX_LATEST) });
export const latestQuery = liberalQueryKeys(z.strictObject({ $count: queryInt(1, MAX_LATEST).optional() }));
/** 0: stopped by the user, 1: by the machine (7pace's client); recorded as the user stopping. */
export const reasonParam = z.strictObject({ reason: z.enum(['0', '1']) });
export const reasonQuery = liberalQueryKeys(z.strictObject({ $reason: z.enum(['0', '1']).optional() }));
/** 7pace's idleCheck option: 0 ask again in one hour, 1 tomorrow, 2 next Monday. */
const postponeOption = z.enum(['0', '1', '2']).transform((option) => Number(option) as 0 | 1 | 2);
export const selectedOptionParam = z.strictObject({ selectedOption: postponeOption });
export const selectedOptionQuery = liberalQueryKeys(z.strictObject({ $selectedOption: postponeOption.optional().describe('left out: one hour') }));

/** 7pace's `search`: the body is a bare work item id (`1349`, or `"1349"`). */
export const searchWorkItemBody = liberalWorkItemId.describe('a work item id, sent as the whole JSON body');
/** 7pace's `searchByQuery`: `{"query": "..."}`; a work item id in the text (`1349`, `#1349`) finds that item. */
export const searchByQueryBody = liberalKeys(z.strictObject({ query: z.string().max(500) }));
