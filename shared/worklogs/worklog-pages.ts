import { SKIP_WINDOW, type WorklogListQuery } from '../contracts/worklogs.js';
import { badRequest } from '../domain/errors.js';
import type { Condition, DocumentStore, Query, Stored } from '../ports/document-store.js';
import { decodeContinuation, encodeContinuation, type PageKey } from './continuation-token.js';
import { fromDoc, WORKLOG_ORDER, type WorklogDoc } from './worklog-documents.js';

/**
 * SQLite runs on the event loop, so a page reads a bounded number of rows: $skip reaches
 * SKIP_WINDOW deep and no further, and a page examines at most this many worklogs past its start.
 */
export const SCAN_HORIZON = 2_500;
const DEFAULT_PAGE = 100;
/**
 * The fields an index range serves (the org's and the partition's timestamp indexes). Any
 * other filter (a rare work item, a user, a flag) would otherwise send a page through the whole range.
 */
const INDEXED = new Set(['type', 'orgId', 'timestamp']);
const unindexed = (c: Condition) => !INDEXED.has(c.field);

export type PageDirection = 'asc' | 'desc';

export interface PageRequest {
  after?: PageKey;
  skip: number;
  count: number;
}

/** What a continuation token is bound to: the list, who asks, whose time, and the filters. */
export function pageScope(list: string, orgId: string, callerId: string, query: WorklogListQuery) {
  const created = query.$fromCreatedTimestamp || query.$toCreatedTimestamp ? [query.$fromCreatedTimestamp ?? null, query.$toCreatedTimestamp ?? null] : [];
  return [list, orgId, callerId, query.userId ?? null, query.$fromTimestamp ?? null, query.$toTimestamp ?? null, query.$workItemIds ?? null, ...created];
}

export function pageRequest(query: WorklogListQuery, scope: unknown): PageRequest {
  const count = query.$count ?? query.$top ?? DEFAULT_PAGE;
  const skip = query.$skip ?? 0;
  if (skip + count > SKIP_WINDOW) {
    throw badRequest(
      'request.skip_too_deep',
      `$skip + $count may be at most ${SKIP_WINDOW}; to read further, send the X-Continuation-Token header of each answer back as $continuationToken`,
    );
  }
  const token = query.$continuationToken;
  return { skip, count, ...(token ? { after: decodeContinuation(token, scope) } : {}) };
}

const keyOf = (doc: { timestamp: string; id: string }): PageKey => [doc.timestamp, doc.id];

/**
 * Keys come from queries under the same time bounds, so a key implies the bound on its side.
 * Such a bound is left out: of two bounds on one column SQLite may seek by the looser one.
 */
function withoutImpliedBounds(where: Condition[], after: PageKey | undefined, until: PageKey | undefined, direction: PageDirection) {
  const lower = (c: Condition) => c.op === '>=' || c.op === '>';
  const upper = (c: Condition) => c.op === '<' || c.op === '<=';
  const [start, end] = direction === 'asc' ? [lower, upper] : [upper, lower];
  const implied = (c: Condition) => c.field === 'timestamp' && ((after && start(c)) || (until && end(c)));
  return where.filter((c) => !implied(c));
}

/**
 * One page of worklogs in (timestamp, id) order, oldest first unless `direction` is 'desc'. With an unindexed filter, the page first
 * finds its horizon (the SCAN_HORIZON-th worklog on) and stops there, short or even empty:
 * the token then points past the horizon. Otherwise the store is asked for one more than
 * the page, to learn whether another follows.
 */
export async function readWorklogPage(
  store: DocumentStore, base: Pick<Query, 'partition' | 'where'>, page: PageRequest, scope: unknown, direction: PageDirection = 'asc',
) {
  const { documents, nextKey } = await readWorklogDocumentPage(store, base, page, direction);
  return { worklogs: documents.map(fromDoc), nextKey, continuationToken: nextKey && encodeContinuation(nextKey, scope) };
}

/**
 * readWorklogPage's documents as stored: a stored worklog is a Worklog with its keys beside,
 * and a reader that only reads fields (an export) is spared a copy of each. The next page
 * starts after `nextKey`; a reader that keeps the key itself needs no token.
 */
export async function readWorklogDocumentPage(
  store: DocumentStore, base: Pick<Query, 'partition' | 'where'>, page: PageRequest, direction: PageDirection = 'asc',
): Promise<{ documents: Stored<WorklogDoc>[]; nextKey: PageKey | undefined }> {
  const where = base.where ?? [];
  const orderBy = WORKLOG_ORDER.map((o) => ({ field: o.field, direction }));
  const ordered = { partition: base.partition, orderBy, after: page.after };
  let horizon: PageKey | undefined;
  if (where.some(unindexed)) {
    const indexed: Condition[] = where.filter((c) => !unindexed(c));
    const [last] = await store.query<WorklogDoc>('worklogs', {
      ...ordered, where: withoutImpliedBounds(indexed, page.after, undefined, direction), offset: SCAN_HORIZON - 1, limit: 1,
    });
    horizon = last && keyOf(last);
  }
  const docs = await store.query<WorklogDoc>('worklogs', {
    ...ordered, where: withoutImpliedBounds(where, page.after, horizon, direction), until: horizon, offset: page.skip, limit: page.count + 1,
  });
  const shown = docs.slice(0, page.count);
  const next = docs.length > page.count ? keyOf(shown.at(-1)!) : horizon;
  return { documents: shown, nextKey: next };
}
