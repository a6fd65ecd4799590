import type { Worklog } from '../domain/worklog.js';
import type { DocumentStore, Query } from '../ports/document-store.js';
import type { PageKey } from '../worklogs/continuation-token.js';
import { readWorklogDocumentPage } from '../worklogs/worklog-pages.js';

/**
 * Worklogs per store read: enough that a page's reads and lookups cost little per row, few
 * enough that a page is formatted while its worklogs are young. Measured on 1,000,000
 * worklogs with the code bundled as deployed (`BENCH_ONLY=exports npm run bench`): pages
 * of 50 gave 82,000 CSV rows/s at 159 MB peak RSS, pages of 200 gave 99,000 at 137 MB.
 * Under the tsx loader, pages of 500 had been promoted before they were formatted, and a
 * fifth of the time went to the garbage collector.
 */
export const EXPORT_PAGE = 200;
/** exceljs spends tens of microseconds on a row, so an XLSX page lives that much longer. */
export const XLSX_EXPORT_PAGE = 25;

/**
 * Every selected worklog in (timestamp, id) order, a keyset page at a time, so that memory
 * holds one page whatever the total. Stops before the next read once `signal` is aborted
 * (the client went away), and between reads when the caller stops iterating. The worklogs
 * are the stored documents, not copies: an export only reads their fields.
 */
export async function* readWorklogBatches(store: DocumentStore, selection: Pick<Query, 'partition' | 'where'>, signal: AbortSignal, pageSize = EXPORT_PAGE): AsyncGenerator<Worklog[]> {
  let after: PageKey | undefined;
  do {
    signal.throwIfAborted();
    const page = await readWorklogDocumentPage(store, selection, { skip: 0, count: pageSize, after });
    signal.throwIfAborted();
    if (page.documents.length) yield page.documents;
    after = page.nextKey;
  } while (after);
}
