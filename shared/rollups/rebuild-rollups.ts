import type { Condition, DocumentStore } from '../ports/document-store.js';
import { ROLLUP_VERSION } from './rollup-docs.js';
import type { UserStateDoc } from '../worklogs/user-ledger.js';
import { recountUserRollups } from './recount-user-rollups.js';

/** Users recounted per page: each is a few point reads and a commit per year of time. */
const PAGE = 100;

/**
 * Gives rollups to data written before they existed (release 0.1.0 and the hardening
 * release), or before their latest version: every partition whose state lacks the
 * current rollups mark is recounted. Resumable: a recount marks its partition only when
 * complete, so a run cut short picks up the rest the next time (at start and in the
 * daily maintenance). Off the hot path.
 */
export async function rebuildMissingRollups(store: DocumentStore) {
  let users = 0;
  let worklogs = 0;
  const recounted = new Set<string>();
  const stale = (rollups: Condition) => store.query<UserStateDoc>('worklogs', {
    partition: { crossPartition: true }, where: [{ field: 'type', op: '=', value: 'userState' }, rollups], limit: PAGE,
  });
  // Never recounted (null), then recounted by a release whose rollups lacked something (an older version).
  for (const rollups of [{ field: 'rollups', op: '=', value: null }, { field: 'rollups', op: '<', value: ROLLUP_VERSION }] satisfies Condition[]) {
    for (;;) {
      // A partition counts once per run: one its recount cannot mark (a stray state document) must not loop the maintenance.
      const states = (await stale(rollups)).filter((state) => !recounted.has(state.pk));
      for (const state of states) {
        recounted.add(state.pk);
        worklogs += await recountUserRollups(store, state.orgId, state.userId);
        users++;
      }
      if (states.length === 0) break;
    }
  }
  return { users, worklogs };
}
