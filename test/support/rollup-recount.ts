import type { DocumentStore } from '../../shared/ports/document-store.js';
import { recountRollups, type RollupDoc } from '../../shared/rollups/rollup-docs.js';
import type { UserStateDoc } from '../../shared/worklogs/user-ledger.js';
import { fromDoc, type WorklogDoc } from '../../shared/worklogs/worklog-documents.js';

/** Period → cells, as kept and as a recount of the partition's worklogs gives them, for every user with time. */
export async function keptAndRecounted(store: DocumentStore) {
  const states = await store.query<UserStateDoc>('worklogs', { partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'userState' }] });
  const kept: Record<string, unknown> = {};
  const recounted: Record<string, unknown> = {};
  for (const state of states) {
    const partition = { pk: state.pk };
    const worklogs = await store.query<WorklogDoc>('worklogs', { partition, where: [{ field: 'type', op: '=', value: 'worklog' }] });
    const rollups = await store.query<RollupDoc>('worklogs', { partition, where: [{ field: 'type', op: '=', value: 'rollup' }] });
    for (const doc of rollups) kept[`${state.userId} ${doc.period}`] = doc.cells;
    for (const doc of recountRollups(state.pk, state.orgId, state.userId, worklogs.map(fromDoc))) recounted[`${state.userId} ${doc.period}`] = doc.cells;
  }
  return { kept, recounted };
}
