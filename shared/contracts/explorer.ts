import { z } from 'zod';
import { activityTypeId, isoInstant, queryBoolean, queryInt, workItemId } from './common.js';
import { userId } from './roles.js';
import { targetId } from './targets.js';
import { MAX_PAGE } from './worklogs.js';

/** The most worklogs one bulk action touches: its job document stays well under Cosmos' 2 MB. */
export const MAX_BULK_WORKLOGS = 10_000;

const csvOf = <T extends z.ZodType>(item: T, example: string) =>
  z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      const parsed = z.array(item).min(1).max(1_000).safeParse(s.split(',').map((part) => part.trim()));
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `must be up to 1,000 comma-separated values, e.g. ${example}` });
        return z.NEVER;
      }
      return parsed.data;
    });

/** The approval states the grid and its export narrow to, as reports name them. */
export const APPROVAL_FILTERS = ['submitted', 'approved', 'closed', 'open'] as const;

/** What the grid filters by; every filter narrows (AND), each list matches any of its values. */
export const explorerFilter = z
  .strictObject({
    from: isoInstant.optional().describe('worklogs starting at or after this instant'),
    to: isoInstant.optional().describe('worklogs starting before this instant'),
    userIds: csvOf(userId, 'u1,u2').optional(),
    workItemIds: csvOf(z.coerce.number().pipe(workItemId), '1,2,3').optional(),
    activityTypeIds: csvOf(activityTypeId, 'a1,a2').optional(),
    billable: queryBoolean.optional().describe('true: only billable worklogs; false: only non-billable ones'),
    tracked: queryBoolean.optional().describe('true: only tracked worklogs; false: only manually entered ones'),
    edited: queryBoolean.optional().describe('true: only worklogs changed after they were added; false: only unchanged ones'),
    approval: csvOf(z.enum(APPROVAL_FILTERS), 'approved,open').optional()
      .describe("only worklogs on days in weeks in these approval states (open: never submitted, withdrawn or reopened), by each worklog's user and local day"),
  });
export type ExplorerFilter = z.infer<typeof explorerFilter>;

const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
const rangeMessage = { message: 'from must not be after to', path: ['to'] };

export const explorerListQuery = explorerFilter
  .extend({
    sort: z.enum(['timestamp', '-timestamp']).optional().describe("'timestamp' oldest first (the default), '-timestamp' newest first"),
    $count: queryInt(1, MAX_PAGE).optional(),
    $continuationToken: z.string().max(1000).optional().describe('continuationToken of the previous page, sent back unchanged with the same filters and sort'),
  })
  .refine(fromBeforeTo, rangeMessage);
export type ExplorerListQuery = z.infer<typeof explorerListQuery>;

/** What a bulk action does to each worklog it targets. */
export const bulkChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('activityType'), activityTypeId: activityTypeId.nullable() }),
  z.strictObject({ kind: z.literal('billable'), billable: z.boolean().describe('true: billableLength becomes length; false: 0') }),
  z.strictObject({ kind: z.literal('workItem'), workItemId }),
  z.strictObject({ kind: z.literal('target'), targetId }).describe('moves the worklogs to an internal target (off their work item)'),
  z.strictObject({ kind: z.literal('delete') }),
]);
export type BulkChange = z.infer<typeof bulkChange>;

export const worklogRef = z.strictObject({ id: z.string().min(1).max(100), userId });
export type WorklogRef = z.infer<typeof worklogRef>;

/** The filter of a bulk action, as JSON: the same fields as the grid's query, the lists as arrays. */
const bulkFilter = z
  .strictObject({
    from: isoInstant,
    to: isoInstant,
    userIds: z.array(userId).min(1).max(1_000).optional(),
    workItemIds: z.array(workItemId).min(1).max(1_000).optional(),
    activityTypeIds: z.array(activityTypeId).min(1).max(1_000).optional(),
    billable: z.boolean().optional(),
    tracked: z.boolean().optional(),
    edited: z.boolean().optional(),
  })
  .refine(fromBeforeTo, rangeMessage);

export const bulkActionBody = z
  .strictObject({
    change: bulkChange,
    worklogs: z.array(worklogRef).min(1).max(MAX_BULK_WORKLOGS, `a bulk action touches at most ${MAX_BULK_WORKLOGS.toLocaleString('en')} worklogs`).optional()
      .describe('a selection: these worklogs, each with its user'),
    filter: bulkFilter.optional().describe('everything matching (from and to are required)'),
    expectedCount: z.number().int().nonnegative().optional()
      .describe("the preview's count: the action is refused (409) when its targets number otherwise now"),
  })
  .refine((b) => (b.worklogs === undefined) !== (b.filter === undefined), { message: 'give either worklogs or filter', path: ['worklogs'] });
export type BulkActionInput = z.infer<typeof bulkActionBody>;
