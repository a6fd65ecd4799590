import { isoSeconds } from '../domain/time.js';
import type { UserRef } from '../domain/worklog.js';
import type { BatchOperation, Stored } from '../ports/document-store.js';
import type { WorklogDoc } from './worklog-documents.js';

/**
 * A deleted worklog is kept as a tombstone of another type: no worklog query (type =
 * 'worklog') sees it, the rollups drop it as they drop a delete, and the OData
 * `…WithDeleted` sets (7pace's incremental refresh, 7PACE-API.md §5) show it with
 * `IsDeleted`. Written by one replace where the delete was one operation: no write costs more.
 */
export const TOMBSTONE_TYPE = 'deletedWorklog';

/** Kept past a year of incremental refreshes, then gone by TTL. */
export const TOMBSTONE_SECONDS = 400 * 86_400;

export interface WorklogTombstoneDoc extends Omit<WorklogDoc, 'type'> {
  type: typeof TOMBSTONE_TYPE;
  deletedTimestamp: string;
}

/** The delete of `doc` by `by` at `now`, as the replace that leaves its tombstone (If-Match as the delete had). */
export function tombstoneOperation(doc: Stored<WorklogDoc>, by: UserRef, now: Date): BatchOperation {
  const { _etag, ...worklog } = doc;
  const at = isoSeconds(now);
  const tombstone: WorklogTombstoneDoc = { ...worklog, type: TOMBSTONE_TYPE, editedTimestamp: at, editedByUser: by, deletedTimestamp: at, ttl: TOMBSTONE_SECONDS };
  return { op: 'replace', doc: tombstone, ifMatch: _etag };
}
