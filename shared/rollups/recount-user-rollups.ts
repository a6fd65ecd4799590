import type { BatchOperation, DocumentStore } from '../ports/document-store.js';
import { commitToLedger, userPartition } from '../worklogs/user-ledger.js';
import { fromDoc, type WorklogDoc } from '../worklogs/worklog-documents.js';
import { TOTALS_PERIOD, recountRollups, rollupDoc, rollupId, totalsOfYears, type RollupDoc } from './rollup-docs.js';

/**
 * Rewrites a user's rollups from their worklogs, one year per ledger commit (at most 13
 * rollups written and 13 removed: one store batch on Cosmos), then the all-time totals
 * from the year rollups. Each commit holds on its own and writes that keep rollups
 * meanwhile stay right; the last one marks the partition complete, so a recount cut short
 * is simply run again. Returns the worklogs counted.
 */
export async function recountUserRollups(store: DocumentStore, orgId: string, userId: string) {
  const pk = userPartition(orgId, userId);
  const years = await yearsWithTime(store, pk);
  let counted = 0;
  for (const year of years) {
    counted += await commitToLedger(store, orgId, userId, async (state) => {
      const worklogs = await store.query<WorklogDoc>('worklogs', {
        partition: { pk },
        where: [{ field: 'type', op: '=', value: 'worklog' }, { field: 'localDay', op: '>=', value: `${year}-01-01` }, { field: 'localDay', op: '<=', value: `${year}-12-31` }],
      });
      const kept = await rollupsOfYear(store, pk, year);
      const fresh = recountRollups(pk, orgId, userId, worklogs.map(fromDoc)).filter((doc) => doc.period !== TOTALS_PERIOD);
      const keptById = new Map(kept.map((doc) => [doc.id, doc]));
      const operations: BatchOperation[] = fresh.map((doc) => {
        const old = keptById.get(doc.id);
        keptById.delete(doc.id);
        return old ? { op: 'replace', doc, ifMatch: old._etag } : { op: 'create', doc };
      });
      for (const stale of keptById.values()) operations.push({ op: 'delete', id: stale.id, ifMatch: stale._etag });
      return { tracker: state?.tracker ?? null, operations, result: worklogs.length, recountsRollups: 'part' };
    });
  }
  await commitToLedger(store, orgId, userId, async (state) => {
    const years = await store.query<RollupDoc>('worklogs', { partition: { pk }, where: [{ field: 'type', op: '=', value: 'rollup' }] });
    const kept = years.find((doc) => doc.period === TOTALS_PERIOD);
    const cells = totalsOfYears(years.filter((doc) => doc.period.length === 4));
    const doc = rollupDoc(pk, orgId, userId, TOTALS_PERIOD, cells);
    const operations: BatchOperation[] = [];
    if (kept && cells.length === 0) operations.push({ op: 'delete', id: rollupId(TOTALS_PERIOD), ifMatch: kept._etag });
    else if (kept) operations.push({ op: 'replace', doc, ifMatch: kept._etag });
    else if (cells.length > 0) operations.push({ op: 'create', doc });
    return { tracker: state?.tracker ?? null, operations, result: 0, recountsRollups: 'last' };
  });
  return counted;
}

/** The year's rollups: its year document and its months'. */
async function rollupsOfYear(store: DocumentStore, pk: string, year: string) {
  return store.query<RollupDoc>('worklogs', {
    partition: { pk },
    where: [{ field: 'type', op: '=', value: 'rollup' }, { field: 'period', op: '>=', value: year }, { field: 'period', op: '<', value: `${year}-99` }],
  });
}

/** Every year that has worklogs or rollups in the partition, oldest first. */
async function yearsWithTime(store: DocumentStore, pk: string) {
  const years = new Set<string>();
  const rollups = await store.query<RollupDoc>('worklogs', { partition: { pk }, where: [{ field: 'type', op: '=', value: 'rollup' }] });
  for (const doc of rollups) if (doc.period !== TOTALS_PERIOD) years.add(doc.period.slice(0, 4));
  const edge = async (direction: 'asc' | 'desc') => {
    const [doc] = await store.query<WorklogDoc>('worklogs', {
      partition: { pk }, where: [{ field: 'type', op: '=', value: 'worklog' }],
      orderBy: [{ field: 'localDay', direction }], limit: 1,
    });
    return doc ? Number(doc.localDay.slice(0, 4)) : undefined;
  };
  const first = await edge('asc');
  const last = await edge('desc');
  if (first !== undefined && last !== undefined) for (let year = first; year <= last; year++) years.add(String(year));
  return [...years].sort();
}
