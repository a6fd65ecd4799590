import type { WorklogListQuery } from '../contracts/worklogs.js';
import { badRequest } from '../domain/errors.js';
import { decodeContinuation, encodeContinuation, type PageKey } from './continuation-token.js';

/** $skip reads and drops rows (on SQLite, on the event loop): it reaches this deep and no further. */
export const SKIP_WINDOW = 10_000;
const DEFAULT_PAGE = 100;

export interface PageRequest {
  after?: PageKey;
  skip: number;
  count: number;
}

/** What a continuation token is bound to: the list, who asks, whose time, and the filters. */
export function pageScope(list: string, orgId: string, callerId: string, query: WorklogListQuery) {
  return [list, orgId, callerId, query.userId ?? null, query.$fromTimestamp ?? null, query.$toTimestamp ?? null, query.$workItemIds ?? null];
}

export function pageRequest(query: WorklogListQuery, scope: unknown): PageRequest {
  const count = query.$count ?? DEFAULT_PAGE;
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

/** The store is asked for one item more than the page: if it comes, the token points past the page's last item. */
export function pageOf<T extends { timestamp: string; id: string }>(items: T[], page: PageRequest, scope: unknown) {
  const shown = items.slice(0, page.count);
  const last = shown.at(-1);
  const continuationToken = items.length > page.count && last ? encodeContinuation([last.timestamp, last.id], scope) : undefined;
  return { items: shown, continuationToken };
}
