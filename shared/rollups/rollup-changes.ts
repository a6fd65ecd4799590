import type { Worklog } from '../domain/worklog.js';
import type { BatchOperation, Document, DocumentStore } from '../ports/document-store.js';
import { CellSums, ROLLUP_VERSION, contributionsOf, rollupDoc, rollupId, withDeltas, type RollupCell, type RollupDoc } from './rollup-docs.js';

type WorklogLike = Document & Worklog;
const isWorklog = (doc: Document | undefined): doc is WorklogLike => doc?.type === 'worklog';

/**
 * The rollup writes that keep a user's totals equal to their worklogs once `operations`
 * apply: whatever creates, replaces or deletes worklogs, the ledger adds these to the same
 * commit, so no use case needs to know rollups exist. A replaced or deleted worklog's
 * current version comes from `previous` (when the plan read it) or one point read. Plans
 * run on a state read with If-Match, so nothing else changes the partition meanwhile.
 */
export async function rollupOperations(
  store: DocumentStore,
  pk: string,
  operations: readonly BatchOperation[],
  previous: readonly Document[] = [],
): Promise<BatchOperation[]> {
  return rollupWrites(store, pk, await worklogChanges(store, pk, operations, previous));
}

export interface WorklogChange {
  worklog: WorklogLike;
  sign: 1 | -1;
}

/** The worklogs `operations` remove (-1: their current versions) and add (+1). */
export async function worklogChanges(
  store: DocumentStore,
  pk: string,
  operations: readonly BatchOperation[],
  previous: readonly Document[] = [],
): Promise<WorklogChange[]> {
  const known = new Map(previous.map((doc) => [doc.id, doc]));
  const before = async (id: string) => (known.has(id) ? known.get(id) : store.read<Document>('worklogs', pk, id));
  const deltas: WorklogChange[] = [];
  for (const operation of operations) {
    if (operation.op === 'delete') {
      const old = await before(operation.id);
      if (isWorklog(old)) deltas.push({ worklog: old, sign: -1 });
      continue;
    }
    const old = operation.op === 'create' ? undefined : await before(operation.doc.id);
    if (isWorklog(old)) deltas.push({ worklog: old, sign: -1 });
    if (isWorklog(operation.doc)) deltas.push({ worklog: operation.doc, sign: 1 });
  }
  return deltas;
}

/** The rollup writes that apply `deltas` to the partition's rollups. */
export async function rollupWrites(store: DocumentStore, pk: string, deltas: readonly WorklogChange[]): Promise<BatchOperation[]> {
  if (deltas.length === 0) return [];
  const { orgId, userId } = deltas[0]!.worklog as WorklogLike & { orgId: string };
  const sums = new Map<string, CellSums>();
  for (const { worklog, sign } of deltas) {
    for (const { period, cell } of contributionsOf(worklog)) {
      const cells = sums.get(period) ?? new CellSums();
      cells.add(cell, sign);
      sums.set(period, cells);
    }
  }
  const periods = [...sums.keys()];
  const current = await Promise.all(periods.map((period) => store.read<RollupDoc>('worklogs', pk, rollupId(period))));
  const writes: BatchOperation[] = [];
  periods.forEach((period, index) => {
    const existing = current[index];
    const deltas = sums.get(period)!.toCells();
    // A rollup of this version has its cells in key order; an older one is put in order afresh.
    const cells = existing?.schemaVersion === ROLLUP_VERSION ? withDeltas(existing.cells, deltas) : addAll(existing?.cells ?? [], deltas);
    if (existing && cells.length === 0) writes.push({ op: 'delete', id: existing.id, ifMatch: existing._etag });
    else if (existing) writes.push({ op: 'replace', doc: rollupDoc(pk, orgId, userId, period, cells), ifMatch: existing._etag });
    else if (cells.length > 0) writes.push({ op: 'create', doc: rollupDoc(pk, orgId, userId, period, cells) });
  });
  return writes;
}

function addAll(cells: readonly RollupCell[], deltas: readonly RollupCell[]) {
  const sums = new CellSums(cells);
  for (const cell of deltas) sums.add(cell, 1);
  return sums.toCells();
}
