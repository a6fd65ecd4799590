import { AppError, conflict } from '../domain/errors.js';
import { hasChanges, holdsChanges, planFields, type AutomationSettings } from '../domain/work-item-automation.js';
import { DevOpsThrottledError, type WorkItemFields } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';
import type { WorkItemMessage } from './work-item-messages.js';
import { accept, readShare, saveShare, type InFlightUpdate, type WorkItemShareDoc } from './work-item-share.js';

/** As long as the queue's lock: an update in flight longer than this was cut off (a crash). */
export const IN_FLIGHT_LOCK_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;
/** What a revision that does not exist holds: nothing an update could have written. */
const NOTHING = { completedWork: Number.NaN, remainingWork: Number.NaN };

/** 'waitUntil': another update holds the item; should it never finish (a crash), look again then. */
export type SyncOutcome = 'done' | 'ignored' | 'deleted' | { throttledSeconds: number } | { waitUntil: Date };

interface Sync {
  ports: Pick<Ports, 'store' | 'directory' | 'clock'>;
  orgName: string;
  settings: AutomationSettings;
  message: WorkItemMessage;
}

const applies = (settings: AutomationSettings, item: WorkItemFields) =>
  settings.workItemTypes.some((type) => type.toLowerCase() === item.type.toLowerCase());

/**
 * Counts the message's change once, then brings the work item to Timehub's share with a
 * patch that tests the revision read: a conflict re-reads and tries again, so only deltas
 * ever reach a value someone typed by hand.
 */
export async function syncWorkItem(sync: Sync): Promise<SyncOutcome> {
  const { ports, orgName, settings, message } = sync;
  const { store, directory } = ports;
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let share = await readShare(store, message.orgId, message.workItemId);
      const unaccepted = message.kind === 'workItemTime' && !share.applied.includes(message.changeId) ? message : undefined;
      if (share.inFlight && isFresh(sync, share.inFlight)) {
        // Another update of this item is on its way: count the change, and that update takes it along when it lands.
        if (unaccepted && !(await saveShare(store, share, accept(share, unaccepted.changeId, unaccepted.seconds)))) continue;
        return { waitUntil: new Date(Date.parse(share.inFlight.startedAt) + IN_FLIGHT_LOCK_MS) };
      }
      if (share.inFlight) {
        await settleInFlight(sync, share);
        continue;
      }
      const item = await directory.workItemFields(orgName, message.workItemId);
      if (!item) return (await markDeleted(sync, share)) ? 'deleted' : retry();
      if (!applies(settings, item)) return 'ignored';
      if (unaccepted) {
        const saved = await saveShare(store, share, accept(share, unaccepted.changeId, unaccepted.seconds));
        if (!saved) continue;
        share = saved;
      }
      const plan = planFields(share, item, settings);
      if (!hasChanges(plan.changes)) {
        if (plan.next.writtenHours === share.writtenHours && plan.next.takenHours === share.takenHours) return 'done';
        if (await saveShare(store, share, { ...share, ...plan.next })) return 'done';
        continue;
      }
      const inFlight = { rev: item.rev, changes: plan.changes, next: plan.next, startedAt: ports.clock.now().toISOString() };
      const locked = await saveShare(store, share, { ...share, inFlight });
      if (!locked) continue;
      const result = await directory.updateWorkItemFields(orgName, item.id, item.rev, plan.changes).catch(async (error: unknown) => {
        // Refused for now: it did not land. Any other failure (a timeout) may have: the revision
        // after the one tested tells. Should that read fail too, the lock stays for settleInFlight.
        const landed = !(error instanceof DevOpsThrottledError) && holdsChanges((await directory.workItemRevision(orgName, item.id, item.rev + 1)) ?? NOTHING, plan.changes);
        if (landed) return { outcome: 'updated' as const, rev: item.rev + 1 };
        await saveShare(store, locked, { ...locked, inFlight: null });
        throw error;
      });
      if (result.outcome === 'updated') {
        await recordLanded(sync, result.rev);
        if ((await readShare(store, message.orgId, message.workItemId)).trackedSeconds === share.trackedSeconds) return 'done';
      } else if (result.outcome === 'missing') {
        if (await markDeleted(sync, { ...locked, inFlight: null }, locked)) return 'deleted';
      } else await saveShare(store, locked, { ...locked, inFlight: null }); // stale: someone edited the item; read again
    }
  } catch (error) {
    if (error instanceof DevOpsThrottledError) return { throttledSeconds: error.retryAfterSeconds };
    throw error;
  }
  return retry();
}

const retry = (): never => {
  throw conflict('automation.contended', 'the work item kept changing; trying again later');
};

/** Records an update that landed, whatever else was written to the share meanwhile (only accepts). */
async function recordLanded({ ports, message }: Sync, rev: number): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS * 4; attempt++) {
    const share = await readShare(ports.store, message.orgId, message.workItemId);
    if (!share.inFlight) return;
    if (await saveShare(ports.store, share, { ...share, ...share.inFlight.next, inFlight: null, lastRev: rev, note: null })) return;
  }
  throw new AppError(409, 'automation.contended', 'could not record an update to the work item');
}

const isFresh = ({ ports }: Sync, inFlight: InFlightUpdate) => ports.clock.now().getTime() - Date.parse(inFlight.startedAt) < IN_FLIGHT_LOCK_MS;

/**
 * An update whose outcome was never recorded: a crash cut it off. Revision `rev + 1` tells
 * whether it landed (it holds exactly what was sent).
 */
async function settleInFlight(sync: Sync, share: WorkItemShareDoc): Promise<void> {
  const { ports, orgName, message } = sync;
  const inFlight = share.inFlight!;  const after = await ports.directory.workItemRevision(orgName, message.workItemId, inFlight.rev + 1);
  const landed = after !== undefined && holdsChanges(after, inFlight.changes);
  const settled = landed ? { ...share, ...inFlight.next, inFlight: null, lastRev: inFlight.rev + 1 } : { ...share, inFlight: null };
  await saveShare(ports.store, share, settled);
}

/** A deleted work item takes no more time: the change counts as done, with a note for admins. */
async function markDeleted({ ports, message }: Sync, share: WorkItemShareDoc, read: WorkItemShareDoc = share): Promise<boolean> {
  const counted = message.kind === 'workItemTime' && !share.applied.includes(message.changeId) ? accept(share, message.changeId, message.seconds) : share;
  const note = `work item ${message.workItemId} was deleted in Azure DevOps (${ports.clock.now().toISOString()}); its time was not written`;
  return (await saveShare(ports.store, read, { ...counted, note })) !== undefined;
}
