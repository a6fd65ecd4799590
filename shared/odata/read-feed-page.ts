import { setImmediate as nextTurn } from 'node:timers/promises';
import { ODATA_PAGE } from '../contracts/odata.js';
import type { Worklog } from '../domain/worklog.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Query } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { targetsOf } from '../targets/org-targets.js';
import { workItemCache } from '../work-items/work-item-cache.js';
import { listBudgets } from '../budgets/budget-docs.js';
import { customFieldValues, type FieldSlot } from './custom-fields.js';
import { COMPLEX_TYPES } from './odata-model.js';
import type { PageKey } from '../worklogs/continuation-token.js';
import { matches } from './odata-evaluate.js';
import type { Expression } from './odata-expression.js';
import { reportingWorklog, type Row, type RowContext } from './odata-rows.js';
import { systemFields } from './work-item-rows.js';
import { budgetOf, chainCoverage, chainsOf } from './work-item-trees.js';
import { readWorklogRows, type MarkedWorklog } from './read-worklog-rows.js';

/**
 * Worklogs per store read, and reads one request makes at most. SQLite runs on the event
 * loop: a read of 250 holds it for a few milliseconds, and the loop is let go between reads,
 * so that a page of 1,000 never holds it for long. A filter no index serves may so answer a
 * short (even empty) page, with a nextLink to go on.
 */
export const READ_BATCH = 250;
export const READS_PER_REQUEST = 20;

export interface FeedRequest {
  query: Pick<Query, 'partition' | 'where'>;
  filter?: Expression;
  withWorkItems: boolean;
  /** customFields, filling the WorkItem's Custom*Field properties. */
  customFields?: readonly FieldSlot[];
  /** The …WithDeleted sets: tombstones too, with IsDeleted. */
  withDeleted: boolean;
  direction: 'asc' | 'desc';
  after?: PageKey;
  /** Matching rows to pass over first ($skip). */
  skip: number;
  /** Rows this page may hold. */
  want: number;
}

export interface FeedPage {
  rows: Row[];
  /** Where the next page starts; undefined at the end. */
  next?: PageKey;
  skipLeft: number;
}

/** ReportingWorkItem with every member null: what is left of an item Azure DevOps no longer has. */
const NO_WORK_ITEM: Row = Object.fromEntries(COMPLEX_TYPES.ReportingWorkItem.map((member) => [member.name, null]));

/**
 * What rows of these worklogs need besides the worklogs: activity types, targets, and for
 * workLogsWorkItems the work items, read through the org's work item cache (with the
 * customFields asked for), never Azure DevOps on every page.
 */
export async function rowContext(ports: Ports, caller: Caller, worklogs: readonly Worklog[], withWorkItems: boolean, customFields: readonly FieldSlot[] = []): Promise<RowContext> {
  const types = await activityTypesOf(ports, caller.orgId, caller.orgName);
  const activityTypes = new Map(types.map((t) => [t.id, t]));
  const targets = new Map((await targetsOf(ports.store, caller.orgId)).map((t) => [t.id, t.name]));
  if (!withWorkItems) return { activityTypes, targets };
  const ids = [...new Set(worklogs.flatMap((w) => (w.workItemId === null ? [] : [w.workItemId])))];
  const org = { orgId: caller.orgId, orgName: caller.orgName };
  const cache = workItemCache(ports);
  const found = await cache.items(org, ids, [...new Set(customFields.map((slot) => slot.referenceName))]);
  const [chains, budgets] = await Promise.all([chainsOf(cache, org, [...found.values()]), listBudgets(ports.store, caller.orgId)]);
  const byItem = new Map(budgets.map((budget) => [budget.workItemId, budget]));
  const workItems = new Map(ids.map((id): [number, Row] => {
    const item = found.get(id);
    if (!item) return [id, { ...NO_WORK_ITEM, System_Id: id, BudgetAssignmentType: 'NotComputed' }];
    const { assignment } = budgetOf(chainCoverage(chains.get(id) ?? [item], new Set(byItem.keys())), byItem);
    return [id, { ...NO_WORK_ITEM, BudgetAssignmentType: assignment, ...systemFields(item), ...customFieldValues(item, customFields, {}) }];
  }));
  return { activityTypes, targets, workItems };
}

const keyOf = (w: Worklog): PageKey => [w.timestamp, w.id];

function rowOf({ worklog, deleted }: MarkedWorklog, context: RowContext, withDeleted: boolean): Row {
  const row = reportingWorklog(worklog, context);
  if (withDeleted) row.IsDeleted = deleted;
  return row;
}

/** One page of the feed, by keyset from `after`: never an offset into a query run again. */
export async function readFeedPage(ports: Ports, caller: Caller, request: FeedRequest): Promise<FeedPage> {
  const rows: Row[] = [];
  let skipLeft = request.skip;
  let after = request.after;
  if (request.want <= 0) return { rows, skipLeft };
  for (let reads = 1; ; reads++) {
    const page = await readWorklogRows(ports.store, request.query, after, READ_BATCH, request.direction, request.withDeleted);
    const context = await rowContext(ports, caller, page.items.map((m) => m.worklog), request.withWorkItems, request.customFields);
    for (const [i, item] of page.items.entries()) {
      const row = rowOf(item, context, request.withDeleted);
      if (request.filter && !matches(row, request.filter)) continue;
      if (skipLeft > 0) {
        skipLeft--;
        continue;
      }
      rows.push(row);
      if (rows.length === request.want) {
        const more = i < page.items.length - 1 || page.nextKey !== undefined;
        return { rows, next: more ? keyOf(item.worklog) : undefined, skipLeft };
      }
    }
    after = page.nextKey;
    if (!after || reads >= READS_PER_REQUEST) return { rows, next: after, skipLeft };
    await nextTurn();
  }
}

/** Every matching row, a page at a time with the event loop let go between pages; at most `limit` worklogs read. */
export async function* everyFeedRow(ports: Ports, caller: Caller, request: Omit<FeedRequest, 'after' | 'skip' | 'want'>, limit: number): AsyncGenerator<Row> {
  let after: PageKey | undefined;
  let read = 0;
  do {
    const page = await readWorklogRows(ports.store, request.query, after, ODATA_PAGE, request.direction, request.withDeleted);
    read += page.items.length;
    if (read > limit) throw new RangeError(`more than ${limit} worklogs`);
    const context = await rowContext(ports, caller, page.items.map((m) => m.worklog), request.withWorkItems, request.customFields);
    for (const item of page.items) {
      const row = rowOf(item, context, request.withDeleted);
      if (!request.filter || matches(row, request.filter)) yield row;
    }
    after = page.nextKey;
    if (after) await nextTurn();
  } while (after);
}
