import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { decodeContinuation, encodeContinuation } from '../worklogs/continuation-token.js';
import { matches } from './odata-evaluate.js';
import { ITEM_SETS, type ItemSetName } from './odata-model.js';
import { parseOptions } from './odata-options.js';
import type { AnswerRow, Row } from './odata-rows.js';
import { ExpandScope } from './expand-items.js';
import { Navigator } from './expand-navigate.js';
import { EXPANDED_ROWS, expandRows } from './expand-rows.js';
import type { ExpandItem } from './expand-options.js';
import { assertNamedInReach, itemSource, type RowSource } from './item-sources.js';
import { project, sortPage, type FeedAnswer } from './query-feed.js';
import { requestedFields } from './requested-fields.js';

/** Work items (and budgets) per page, as 7pace pages them (7PACE-API.md §4.2). */
export const ITEM_PAGE = 100;
/**
 * Work items per page when each expands collections (each up to 1,000 worklogs or 100 work
 * items): 10 for one, shared among several, so that a page stays within EXPANDED_ROWS.
 */
export const EXPANDING_PAGE = 10;

/** Work items a page holds: `full`, or fewer when they expand collections. */
export function itemsPerPage(expand: readonly ExpandItem[], full: number) {
  const collections = expand.filter((item) => item.navigation.collection).length;
  return collections ? Math.max(1, Math.floor(EXPANDING_PAGE / collections)) : full;
}
/** Rows `$count` counts at most: it reads every row, each work item through Azure DevOps when not cached (WIQL's own cap). */
const COUNT_LIMIT = 20_000;
/**
 * Work items per read (one workitemsbatch of Azure DevOps for those not cached) and reads per
 * request: a filter few items pass answers a short page with a nextLink rather than many calls.
 */
const READ_BATCH = 200;
const READS_PER_REQUEST = 5;

interface PageRequest {
  filter: ReturnType<typeof parseOptions>['filter'];
  after?: string;
  skip: number;
  want: number;
}

/** One page by keyset from `after`: rows that pass the filter, `$skip` passed over first. */
async function readPage(source: RowSource, request: PageRequest): Promise<{ rows: Row[]; next?: string; skipLeft: number }> {
  const rows: Row[] = [];
  let { after, skip: skipLeft } = request;
  if (request.want <= 0) return { rows, skipLeft };
  for (let reads = 1; ; reads++) {
    const batch = await source(after, READ_BATCH);
    for (const [i, { key, row }] of batch.rows.entries()) {
      after = key;
      if (request.filter && !matches(row, request.filter)) continue;
      if (skipLeft > 0) {
        skipLeft--;
        continue;
      }
      rows.push(row);
      if (rows.length === request.want) return { rows, next: i < batch.rows.length - 1 || !batch.done ? key : undefined, skipLeft };
    }
    after = batch.last ?? after;
    if (batch.done || after === undefined) return { rows, skipLeft };
    if (reads >= READS_PER_REQUEST) return { rows, next: after, skipLeft };
    await nextTurn();
  }
}

async function countRows(source: RowSource, filter: PageRequest['filter']) {
  let count = 0;
  for (let after: string | undefined, read = 0; ; ) {
    const batch = await source(after, READ_BATCH);
    read += batch.rows.length;
    if (read > COUNT_LIMIT) throw badRequest('odata.count_too_large', `$count: more than ${COUNT_LIMIT} rows to count; narrow the filter`);
    count += batch.rows.filter(({ row }) => !filter || matches(row, filter)).length;
    after = batch.last ?? batch.rows.at(-1)?.key;
    if (batch.done || after === undefined) return count;
    await nextTurn();
  }
}

/**
 * One page of workItems, workItemsHierarchy(AllLevels) or budgets: 100 rows by keyset on
 * the key (`$skiptoken` binds the position to the caller and the query), in key order.
 * Another `$orderby` sorts one page only, as on the worklog sets.
 */
export async function queryItemFeed(ports: Ports, caller: Caller, setName: ItemSetName, query: ODataQuery, root: string): Promise<FeedAnswer> {
  const { type } = ITEM_SETS[setName];
  for (const option of ['$apply', 'worklogsFilter'] as const) {
    if (query[option]) throw badRequest('odata.invalid_option', `${option}: served on workLogsOnly and workLogsWorkItems only, not on ${setName}`);
  }
  const options = parseOptions(type, query);
  await assertNamedInReach(ports, caller, setName, options.filter, options.onlyMe);
  const keyOrder = options.inPageOrder?.length === 1 && options.inPageOrder[0]!.path.join('/') === type.key && options.inPageOrder[0]!.direction === 'asc';
  const inPageOrder = keyOrder ? undefined : options.inPageOrder;
  // customFields decide what CustomNumericField1 and the like in the filter mean: they bind the position too.
  const scope = ['odata', setName, caller.orgId, caller.user.id, query.$filter ?? null, options.onlyMe, query.customFields ?? null, query.rollupFields ?? null];
  const after = query.$skiptoken ? decodeContinuation(query.$skiptoken, scope)[0] : undefined;
  const fields = await requestedFields(ports, caller, setName, query);
  const source = await itemSource(ports, caller, setName, options.onlyMe, { filter: options.filter, fields });
  const count = options.count && after === undefined ? await countRows(source, options.filter) : undefined;
  const pageSize = itemsPerPage(options.expand, ITEM_PAGE);
  const want = Math.min(pageSize, options.top ?? pageSize);
  const page = await readPage(source, { filter: options.filter, after, skip: options.skip, want });
  const top = options.top === undefined ? undefined : options.top - page.rows.length;
  const more = page.next !== undefined && top !== 0;
  if (inPageOrder) {
    if (more) throw badRequest('odata.order_needs_one_page', `$orderby: more than one page (${pageSize} rows) matches; order by ${type.key}, or narrow the filter or $top`);
    sortPage(page.rows, inPageOrder);
  }
  const rows: AnswerRow[] = page.rows.map((row) => project(row, options.select));
  if (options.expand.length) {
    const run = { navigator: new Navigator(new ExpandScope(ports, caller, options.onlyMe)), root, rowsLeft: EXPANDED_ROWS };
    await expandRows(run, setName, page.rows, rows, options.expand);
  }
  const next = more && page.next !== undefined
    ? { $skiptoken: encodeContinuation([page.next, ''], scope), ...(page.skipLeft ? { $skip: page.skipLeft } : {}), ...(top === undefined ? {} : { $top: top }) }
    : undefined;
  return { kind: 'rows', rows, ...(count === undefined ? {} : { count }), ...(next ? { next } : {}) };
}
