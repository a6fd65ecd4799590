import type { Worklog } from '../domain/worklog.js';
import type { Condition, DocumentStore, Query } from '../ports/document-store.js';
import type { PageKey } from '../worklogs/continuation-token.js';
import { readWorklogPage, type PageDirection } from '../worklogs/worklog-pages.js';
import { TOMBSTONE_TYPE } from '../worklogs/worklog-tombstones.js';

export interface MarkedWorklog {
  worklog: Worklog;
  deleted: boolean;
}

const SCOPE = 'odata';
const keyOf = (w: Worklog): PageKey => [w.timestamp, w.id];

function comparer(direction: PageDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: PageKey, b: PageKey) => sign * (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** The same selection over tombstones: the type condition names theirs. */
const tombstonesOf = (query: Pick<Query, 'partition' | 'where'>) => ({
  ...query,
  where: (query.where ?? []).map((c): Condition => (c.field === 'type' && c.op === '=' ? { ...c, value: TOMBSTONE_TYPE } : c)),
});

/**
 * Up to `count` worklogs after `after` in (timestamp, id) order, and where to go on. With
 * `withDeleted`, worklogs and tombstones are read as two keyset streams (each served by its
 * index) and merged: only what both streams have read up to is answered, so nothing is
 * skipped where one stream stopped short (at its scan horizon or its page end).
 */
export async function readWorklogRows(
  store: DocumentStore, query: Pick<Query, 'partition' | 'where'>, after: PageKey | undefined, count: number, direction: PageDirection, withDeleted: boolean,
): Promise<{ items: MarkedWorklog[]; nextKey?: PageKey }> {
  const read = (q: Pick<Query, 'partition' | 'where'>) => readWorklogPage(store, q, { skip: 0, count, after }, SCOPE, direction);
  const live = await read(query);
  if (!withDeleted) return { items: live.worklogs.map((worklog) => ({ worklog, deleted: false })), nextKey: live.nextKey };
  const gone = await read(tombstonesOf(query));
  const compare = comparer(direction);
  const ends = [live.nextKey, gone.nextKey].filter((k): k is PageKey => k !== undefined).sort(compare);
  const known = ends[0];
  const merged = [...live.worklogs.map((worklog) => ({ worklog, deleted: false })), ...gone.worklogs.map((worklog) => ({ worklog, deleted: true }))]
    .sort((a, b) => compare(keyOf(a.worklog), keyOf(b.worklog)));
  const safe = known ? merged.filter((m) => compare(keyOf(m.worklog), known) <= 0) : merged;
  const items = safe.slice(0, count);
  const full = items.length === count && (safe.length > count || known !== undefined || merged.length > safe.length);
  return { items, nextKey: full ? keyOf(items.at(-1)!.worklog) : known };
}
