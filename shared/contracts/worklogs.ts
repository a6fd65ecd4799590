import { z } from 'zod';
import { activityTypeId, comment, queryInt } from './common.js';
import { userId } from './roles.js';
import { targetId } from './targets.js';
import { clockTime, clockTimeOrDay, liberalKeys, liberalQueryBoolean, liberalQueryKeys, liberalWorkItemId, zoneOrMinutes } from './seven-pace.js';

export const MAX_PAGE = 500;
/** How deep $skip reaches ($skip + $count); deeper pages go by continuation token. */
export const SKIP_WINDOW = 5_000;
/** 7pace's limit on `$workItemIds` (FilterWorkItemIdsCountExceeded). */
export const MAX_FILTER_WORK_ITEMS = 100;

/** A worklog as Timehub's UI and 7pace's `workLogCreationModel` write it (7PACE-API.md §2.5). */
export const worklogFields = z.strictObject({
  timestamp: clockTime.optional().describe('the start; left out: now (as 7pace)'),
  length: z.number().int().describe('seconds, 1 to 86400'),
  billableLength: z.number().int().nonnegative().nullable().optional().describe('seconds; null or left out: length'),
  workItemId: liberalWorkItemId.nullable().optional(),
  targetId: targetId.nullable().optional().describe("an internal target (GET /rest/targets) instead of a work item, never both; Timehub's, 7pace has none"),
  comment: comment.nullable().optional(),
  activityTypeId: activityTypeId.nullable().optional().describe('left out, null or the all-zero "[Not Set]" id: none'),
  activityType: z.looseObject({ id: activityTypeId }).nullable().optional().describe('another spelling of activityTypeId'),
  timeZone: zoneOrMinutes.optional().describe('IANA zone or minutes east of UTC: the day the worklog counts on, and what a timestamp without an offset means'),
  userId: userId.optional().describe("whose time (7pace's per-item userId; others' need a role that may write it)"),
  repoId: z.union([z.string().max(200), z.number()]).nullable().optional().describe('sent by some 7pace clients; ignored'),
  repoFullName: z.string().max(500).nullable().optional().describe('sent by some 7pace clients; ignored'),
});
export type NewWorklogInput = z.infer<typeof worklogFields>;

export const newWorklogBody = liberalKeys(worklogFields);

export const worklogBatchBody = z.array(newWorklogBody).min(1).max(MAX_PAGE, `a batch holds at most ${MAX_PAGE} worklogs`);
export const worklogBatchQuery = liberalKeys(
  z.strictObject({ validateOnly: liberalQueryBoolean.optional(), userId: userId.optional() }),
  { $validateOnly: 'validateOnly', _validateOnly: 'validateOnly' },
);

export const worklogPatchFields = worklogFields.omit({ userId: true }).partial();
export const worklogPatchBody = liberalKeys(worklogPatchFields).refine(
  (patch) => Object.keys(patch).some((key) => !['repoId', 'repoFullName'].includes(key)),
  'give at least one field to change',
);
export type WorklogPatch = z.infer<typeof worklogPatchFields>;

const csvIds = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be comma-separated work item ids, e.g. 1,2,3')
  .transform((s) => s.split(',').map(Number))
  .pipe(z.array(z.number()).max(MAX_FILTER_WORK_ITEMS, `at most ${MAX_FILTER_WORK_ITEMS} work item ids`));

/** 7pace's bounds are strict: `$fromTimestamp` means after, `$toTimestamp` before. */
export const worklogListFields = z.strictObject({
  $fromTimestamp: clockTimeOrDay.optional().describe('only worklogs that start after this'),
  $toTimestamp: clockTimeOrDay.optional().describe('only worklogs that start before this'),
  $fromCreatedTimestamp: clockTimeOrDay.optional().describe('only worklogs created after this'),
  $toCreatedTimestamp: clockTimeOrDay.optional().describe('only worklogs created before this'),
  $workItemIds: csvIds.optional(),
  $count: queryInt(1, MAX_PAGE).optional(),
  $top: queryInt(1, MAX_PAGE).optional().describe('another name for $count'),
  $skip: queryInt(0, 1_000_000).optional().describe(`$skip + $count at most ${SKIP_WINDOW}; page deeper with $continuationToken`),
  $expand: z.string().max(200).optional().describe("7pace's user.displayName: accepted, displayName is always sent"),
  $includeEditable: liberalQueryBoolean.optional().describe('adds isCanEdit and isCanDelete'),
  $continuationToken: z.string().max(1000).optional().describe('the X-Continuation-Token header of the previous page, sent back unchanged with the same filters'),
  userId: userId.optional().describe("whose worklogs (the caller's when left out; others' need a role that may read them)"),
});

const ordered = (from: string | undefined, to: string | undefined) => !from || !to || comparable(from) <= comparable(to);
const comparable = (value: string) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);

export const worklogListQuery = liberalQueryKeys(worklogListFields)
  .refine((q) => ordered(q.$fromTimestamp, q.$toTimestamp), { message: '$fromTimestamp must not be after $toTimestamp', path: ['$toTimestamp'] })
  .refine((q) => ordered(q.$fromCreatedTimestamp, q.$toCreatedTimestamp), {
    message: '$fromCreatedTimestamp must not be after $toCreatedTimestamp', path: ['$toCreatedTimestamp'],
  });
export type WorklogListQuery = z.infer<typeof worklogListFields>;

/** One worklog: `userId` (whose) and 7pace's `$includeEditable` and `$expand`. */
export const worklogGetQuery = liberalQueryKeys(
  z.strictObject({ userId: userId.optional(), $includeEditable: liberalQueryBoolean.optional(), $expand: z.string().max(200).optional() }),
);
