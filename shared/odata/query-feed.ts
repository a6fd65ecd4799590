import { ODATA_PAGE, type ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { decodeContinuation, encodeContinuation } from '../worklogs/continuation-token.js';
import { aggregateFeed } from './aggregate-feed.js';
import { ENTITY_SETS, type EntitySetName } from './odata-model.js';
import { parseOptions, type ODataOptions } from './odata-options.js';
import { valueAt, type AnswerRow, type Row } from './odata-rows.js';
import { feedSelection } from './odata-selection.js';
import { readFeedPage } from './read-feed-page.js';
import { requestedFields } from './requested-fields.js';

export type FeedAnswer =
  | { kind: 'rows'; rows: AnswerRow[]; count?: number; next?: { $skiptoken: string; $skip?: number; $top?: number } }
  | { kind: 'aggregate'; rows: Row[]; fromRollups: boolean };

/** Keeps only the selected properties (nested paths keep only their members). */
export function project(row: Row, select: readonly string[][] | undefined): Row {
  if (!select) return row;
  const out: Row = {};
  for (const path of select) {
    const [head, member] = path as [string, string | undefined];
    if (member === undefined) {
      out[head] = row[head] ?? null;
      continue;
    }
    const inner = row[head];
    if (inner === null || typeof inner !== 'object') out[head] = null;
    else out[head] = { ...(out[head] as Row | null), [member]: inner[member] ?? null };
  }
  return out;
}

export function sortPage(rows: Row[], order: NonNullable<ODataOptions['inPageOrder']>) {
  return rows.sort((a, b) => {
    for (const { path, direction } of order) {
      const [x, y] = [valueAt(a, path), valueAt(b, path)];
      if (x === y) continue;
      const less = x === null || (y !== null && x < y);
      return (less ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return 0;
  });
}

/**
 * One answer of the worklog feed: the rows the caller's role reaches that pass the filter,
 * a page at a time by keyset (`$skiptoken` in the nextLink binds the position to the
 * caller and the query), or `$apply`'s groups.
 */
export async function queryFeed(ports: Ports, caller: Caller, setName: EntitySetName, query: ODataQuery): Promise<FeedAnswer> {
  const set = ENTITY_SETS[setName];
  const options = parseOptions(set.type, query);
  const selection = await feedSelection(ports, caller, options.filter, options.onlyMe);
  const { custom: customFields } = await requestedFields(ports, caller, setName, query);
  const read = { query: selection.query, filter: options.filter, withWorkItems: set.withWorkItem, customFields, withDeleted: set.withDeleted, direction: options.direction };
  if (options.aggregation) {
    if (selection.empty) return { kind: 'aggregate', rows: [], fromRollups: true };
    return { kind: 'aggregate', ...(await aggregateFeed(ports, caller, options.aggregation, read, selection.userIds)) };
  }
  const scope = ['odata', setName, caller.orgId, caller.user.id, query.$filter ?? null, query.worklogsFilter ?? null, options.onlyMe, options.direction];
  const after = query.$skiptoken ? decodeContinuation(query.$skiptoken, scope) : undefined;
  const count = options.count && !after ? await countRows(ports, caller, read, selection) : undefined;
  const want = Math.min(ODATA_PAGE, options.top ?? ODATA_PAGE);
  const page = selection.empty ? { rows: [], skipLeft: 0 } : await readFeedPage(ports, caller, { ...read, after, skip: options.skip, want });
  const top = options.top === undefined ? undefined : options.top - page.rows.length;
  const more = page.next !== undefined && top !== 0;
  if (options.inPageOrder) {
    if (more) throw badRequest('odata.order_needs_one_page', `$orderby: more than one page (${ODATA_PAGE} worklogs) matches; order by Timestamp (asc or desc), or narrow the filter or $top`);
    sortPage(page.rows, options.inPageOrder);
  }
  const rows = page.rows.map((row) => project(row, options.select));
  const next = more && page.next ? { $skiptoken: encodeContinuation(page.next, scope), ...(page.skipLeft ? { $skip: page.skipLeft } : {}), ...(top === undefined ? {} : { $top: top }) } : undefined;
  return { kind: 'rows', rows, ...(count === undefined ? {} : { count }), ...(next ? { next } : {}) };
}

/** `$count=true`: the matching worklogs, counted as an aggregate (from rollups where the filter allows). */
async function countRows(ports: Ports, caller: Caller, read: Parameters<typeof aggregateFeed>[3], selection: { userIds: string[] | undefined; empty: boolean }) {
  if (selection.empty) return 0;
  const { rows } = await aggregateFeed(ports, caller, { groupBy: [], aggregates: [{ path: null, method: 'count', alias: 'count' }] }, read, selection.userIds);
  return Number(rows[0]?.count ?? 0);
}
