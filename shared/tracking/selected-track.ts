import type { SelectTrackInput } from '../contracts/tracking.js';
import { unprocessable } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { readUserState, userPartition } from '../worklogs/user-ledger.js';
import { trackingState } from './tracking-state.js';

/** What a 7pace tracking client chose for the next start (POST selected), in the user's partition. */
export interface SelectedTrack {
  workItemId: number | null;
  remark: string | null;
  activityTypeId: string | null;
}

interface SelectedTrackDoc extends Document, SelectedTrack {
  type: 'selectedTrack';
}

const ID = 'selectedTrack';

/**
 * Remembers the next start's work item, remark and activity type; last write wins (only the
 * user writes it). Answers the tracking state, with what was chosen as `selected`.
 */
export async function selectTrack(ports: Pick<Ports, 'store' | 'clock'>, caller: Caller, input: SelectTrackInput) {
  const selected: SelectedTrack = {
    workItemId: input.workItemId || null, remark: input.remark?.trim() || null, activityTypeId: input.activityTypeId ?? null,
  };
  const doc: SelectedTrackDoc = { id: ID, pk: userPartition(caller.orgId, caller.user.id), type: 'selectedTrack', schemaVersion: 1, ...selected };
  await ports.store.upsert('worklogs', doc);
  const state = await readUserState(ports.store, caller.orgId, caller.user.id);
  return { ...trackingState(state?.tracker ?? null, ports.clock.now(), { orgName: caller.orgName }), selected };
}

/**
 * A start that names no work item and no target takes the selected work item (and its remark
 * and activity type, unless the start names its own); 422 when nothing is selected either.
 */
export async function withSelection<T extends { workItemId?: number; targetId?: string; remark?: string | null; activityTypeId?: string | null }>(
  ports: Pick<Ports, 'store'>, caller: Caller, input: T,
): Promise<T & { workItemId: number | null }> {
  if (input.workItemId !== undefined || input.targetId !== undefined) return { ...input, workItemId: input.workItemId ?? null };
  const selected = await ports.store.read<SelectedTrackDoc>('worklogs', userPartition(caller.orgId, caller.user.id), ID);
  if (!selected?.workItemId) {
    throw unprocessable('tracking.needs_work_item', 'a tracker needs a work item or a target: send workItemId (tfsId) or targetId, or choose a work item with POST /api/tracking/client/selected first');
  }
  return {
    ...input, workItemId: selected.workItemId,
    remark: input.remark !== undefined ? input.remark : selected.remark,
    activityTypeId: input.activityTypeId !== undefined ? input.activityTypeId : selected.activityTypeId,
  };
}
