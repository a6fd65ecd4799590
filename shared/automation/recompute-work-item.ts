import { AppError, conflict, notFound } from '../domain/errors.js';
import { planFields, type AutomationSettings, type SchedulingFieldChanges } from '../domain/work-item-automation.js';
import { readOrgWorkItemTotals } from '../budgets/work-item-totals.js';
import type { Caller } from '../identity/caller.js';
import { DevOpsThrottledError } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';
import { readAutomationSettings } from './automation-settings.js';
import { readShare, saveShare, type WorkItemShareDoc } from './work-item-share.js';
import { WORK_ITEM_QUEUE } from './work-item-outbox.js';

export interface RecomputePreview {
  workItemId: number;
  /** Time on the item in all worklogs, seconds. */
  trackedSeconds: number;
  current: { rev: number; completedWork: number | null; remainingWork: number | null };
  computed: { completedWork: number | null; remainingWork: number | null };
  /** The JSON Patch that applying sends to Azure DevOps (empty when nothing changes). */
  patch: { op: string; path: string; value: number }[];
}

const FIELD_PATHS = { completedWork: '/fields/Microsoft.VSTS.Scheduling.CompletedWork', remainingWork: '/fields/Microsoft.VSTS.Scheduling.RemainingWork' } as const;

/**
 * Completed Work from the item's worklogs (all users, all time), and Remaining Work with
 * what Timehub took off recounted: the share the item gets when Completed Work is taken to
 * be Timehub's alone. Nothing is written.
 */
export async function previewRecompute(ports: Pick<Ports, 'store' | 'directory'>, caller: Caller, workItemId: number) {
  const settings = await readAutomationSettings(ports.store, caller.orgId);
  const share = await readShare(ports.store, caller.orgId, workItemId);
  const { preview } = await recount(ports, caller, settings, share, workItemId);
  return preview;
}

/** Applies the recount: the share is reset and the item is brought to it through the queue, like any change. */
export async function applyRecompute(ports: Pick<Ports, 'store' | 'directory' | 'queue' | 'clock'>, caller: Caller, workItemId: number) {
  const settings = await readAutomationSettings(ports.store, caller.orgId);
  if (!settings.enabled) throw conflict('automation.off', 'work item automation is off for this organization: turn it on in Settings first');
  const share = await readShare(ports.store, caller.orgId, workItemId);
  if (share.inFlight) throw conflict('automation.busy', `work item ${workItemId} is being updated; try again in a minute`);
  const { preview, reset } = await recount(ports, caller, settings, share, workItemId);
  if (!(await saveShare(ports.store, share, reset))) throw conflict('automation.busy', `work item ${workItemId} changed meanwhile; try again`);
  const at = ports.clock.now().getTime();
  await ports.queue.send(WORK_ITEM_QUEUE, { messageId: `recompute:${caller.orgId}:${workItemId}:${at}`, body: { kind: 'workItemSync', orgId: caller.orgId, workItemId } });
  return { ...preview, queued: true };
}

async function recount(ports: Pick<Ports, 'store' | 'directory'>, caller: Caller, settings: AutomationSettings, share: WorkItemShareDoc, workItemId: number) {
  const current = await ports.directory.workItemFields(caller.orgName, workItemId).catch((error: unknown) => {
    if (error instanceof DevOpsThrottledError) throw new AppError(429, 'devops.throttled', `Azure DevOps asks Timehub to wait ${error.retryAfterSeconds} s`);
    throw error;
  });
  if (!current) throw notFound(`Work item ${workItemId}`);
  const trackedSeconds = (await readOrgWorkItemTotals(ports, caller.orgId)).get(workItemId)?.length ?? 0;
  const reset: WorkItemShareDoc = { ...share, trackedSeconds, writtenHours: current.completedWork ?? 0, note: null };
  const { changes } = planFields(reset, current, settings);
  const computed = { completedWork: changes.completedWork ?? current.completedWork, remainingWork: changes.remainingWork ?? current.remainingWork };
  const preview: RecomputePreview = {
    workItemId, trackedSeconds, current: { rev: current.rev, completedWork: current.completedWork, remainingWork: current.remainingWork }, computed, patch: patchOf(current.rev, changes),
  };
  return { preview, reset };
}

function patchOf(rev: number, changes: SchedulingFieldChanges): RecomputePreview['patch'] {
  const fields = (['completedWork', 'remainingWork'] as const).flatMap((key) => (changes[key] === undefined ? [] : [{ op: 'add', path: FIELD_PATHS[key], value: changes[key] }]));
  return fields.length === 0 ? [] : [{ op: 'test', path: '/rev', value: rev }, ...fields];
}
