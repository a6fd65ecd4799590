import type { Worklog } from '../domain/worklog.js';
import type { DocumentStore, Query } from '../ports/document-store.js';
import { decodeContinuation } from '../worklogs/continuation-token.js';
import { readWorklogPage } from '../worklogs/worklog-pages.js';

/** Worklogs per store read: large enough that a page costs little per row, small enough to hold the event loop for milliseconds. */
export const EXPORT_PAGE = 500;
const SCOPE = 'export';

/**
 * Every selected worklog in (timestamp, id) order, a keyset page at a time, so that memory
 * holds one page whatever the total. Stops before the next read once `signal` is aborted
 * (the client went away), and between reads when the caller stops iterating.
 */
export async function* readWorklogBatches(store: DocumentStore, selection: Pick<Query, 'partition' | 'where'>, signal: AbortSignal, pageSize = EXPORT_PAGE): AsyncGenerator<Worklog[]> {
  let token: string | undefined;
  do {
    signal.throwIfAborted();
    const page = await readWorklogPage(store, selection, { skip: 0, count: pageSize, after: token ? decodeContinuation(token, SCOPE) : undefined }, SCOPE);
    signal.throwIfAborted();
    if (page.worklogs.length) yield page.worklogs;
    token = page.continuationToken;
  } while (token);
}
