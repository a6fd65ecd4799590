import type { Totals } from '../domain/budgets.js';
import type { DocumentStore } from '../ports/document-store.js';
import { TOTALS_PERIOD, rollupId, type RollupDoc } from '../rollups/rollup-docs.js';
import { userPartition } from '../worklogs/user-ledger.js';

/**
 * All-time time per work item across the org's users: one small rollup document per user
 * with time (period 'all', written in the same batch as the worklogs), in one query.
 * Never a worklog: a budget's status is as fresh as the last write.
 */
export async function readOrgWorkItemTotals(store: DocumentStore, orgId: string): Promise<Map<number, Totals>> {
  const docs = await store.query<RollupDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [{ field: 'orgId', op: '=', value: orgId }, { field: 'type', op: '=', value: 'rollup' }, { field: 'period', op: '=', value: TOTALS_PERIOD }],
  });
  return sumCells(docs);
}

/** One user's all-time time per work item: a point read. */
export async function readUserWorkItemTotals(store: DocumentStore, orgId: string, userId: string): Promise<Map<number, Totals>> {
  const doc = await store.read<RollupDoc>('worklogs', userPartition(orgId, userId), rollupId(TOTALS_PERIOD));
  return sumCells(doc ? [doc] : []);
}

function sumCells(docs: readonly RollupDoc[]) {
  const totals = new Map<number, Totals>();
  for (const doc of docs) {
    for (const [, workItemId, , , length, billableLength] of doc.cells) {
      if (workItemId === null) continue;
      const sum = totals.get(workItemId);
      if (sum) {
        sum.length += length;
        sum.billableLength += billableLength;
      } else totals.set(workItemId, { length, billableLength });
    }
  }
  return totals;
}
