import { z } from 'zod';
import { queryInt } from './common.js';
import { liberalKeys, liberalQueryBoolean } from './seven-pace.js';

/** Worklogs per page of the feed, as 7pace pages them (7PACE-API.md §4.2). */
export const ODATA_PAGE = 1_000;
/** How deep `$skip` reaches; further goes by `@odata.nextLink`. */
export const ODATA_SKIP_WINDOW = 5_000;

const expression = (what: string) => z.string().max(8_000).describe(what);

const odataFields = z.strictObject({
  $filter: expression('an OData filter: comparisons, and/or/not, in, date-times with or without an offset (without: local time)').optional(),
  $select: z.string().max(4_000).describe('properties, nested ones as WorkItem/System_Title').optional(),
  $orderby: z.string().max(1_000).describe('Timestamp (asc or desc), then Id; other orders only for answers of one page').optional(),
  $top: queryInt(0, 100_000_000).optional(),
  $skip: queryInt(0, ODATA_SKIP_WINDOW).optional(),
  $count: liberalQueryBoolean.optional(),
  $expand: z.string().max(1_000).describe("navigation properties with nested options: Parent($select=System_Id), DirectWorklogs($filter=IsBillable;$top=10); complex properties are always sent").optional(),
  $apply: expression('filter(...)/groupby((paths),aggregate(PeriodLength with sum as Total))').optional(),
  $format: z.enum(['json', 'application/json']).optional(),
  $skiptoken: z.string().max(2_000).describe("the position of the next page, from @odata.nextLink: don't build it").optional(),
  worklogsFilter: expression("7pace's filter on the worklogs, applied first").optional(),
  prefilter: z.string().regex(/^(me|nofilter)$/i, 'must be Me or NoFilter').describe("Me: only the caller's own worklogs").optional(),
  customFields: z.string().max(2_000).describe("up to 5 work item fields by reference name (Custom.CostCenter,...): the n-th fills CustomStringFieldn, CustomNumericFieldn or CustomBooleanFieldn by its type (workItems, workItemsHierarchy, workItemsHierarchyAllLevels)").optional(),
  rollupFields: z.string().max(2_000).describe('up to 5 numeric work item fields by reference name (Microsoft.VSTS.Scheduling.Effort,...): RollupValuen sums the n-th over the item and everything below it (workItemsHierarchy, workItemsHierarchyAllLevels)').optional(),
});

/** Query keys as OData 4.01 and 7pace's clients spell them: any casing, `$` optional, `workLogsFilter`. */
export const odataQuery = liberalKeys(
  odataFields,
  Object.fromEntries(Object.keys(odataFields.shape).filter((name) => name.startsWith('$')).map((name) => [name.slice(1), name])),
);
export type ODataQuery = z.infer<typeof odataQuery>;

export const odataVersionParams = z.strictObject({ version: z.string().max(20) });
export const odataSetParams = z.strictObject({ version: z.string().max(20), entitySet: z.string().max(200) });
/** `workItems(10)`: the key as written between the parentheses. */
export const odataKeyParams = z.strictObject({ version: z.string().max(20), key: z.string().max(100) });
/** `workItems(10)/DirectWorklogs`. */
export const odataNavigationParams = z.strictObject({ version: z.string().max(20), key: z.string().max(100), navigation: z.string().max(100) });
