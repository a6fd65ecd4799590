import * as SDK from 'azure-devops-extension-sdk';
import { errorMessage } from '../shared/api-error.js';
import { startContribution } from '../shared/bootstrap.js';
import { lengthLabel, browserTimeZone } from '../shared/format.js';
import { showToast, workItemTitles } from '../shared/host-services.js';
import { loadPreferences } from '../shared/preferences.js';
import type { TimehubApi } from '../shared/timehub-api.js';
import { announceTrackingChanged } from '../shared/tracking/tracking-events.js';

/** The id the manifest names as registeredObjectId: the host calls `execute` on it. */
const REGISTERED_OBJECT_ID = 'start-tracking-action';

/** What the work item toolbar hands an action. */
interface WorkItemActionContext {
  workItemId?: number;
  id?: number;
  workItemIds?: number[];
}

const workItemIdOf = (context: WorkItemActionContext) => context.workItemId ?? context.id ?? context.workItemIds?.[0];

/** Whether the caller's running tracker is on this work item (then the menu offers Stop). */
async function tracksThisItem(api: TimehubApi, workItemId: number | undefined) {
  if (!workItemId) return false;
  return (await api.currentTracker())?.workItemId === workItemId;
}

/** The item the ⋯ menu shows for this work item: Stop while it is tracked, else Start. */
export async function toolbarMenuItems(api: TimehubApi, context: WorkItemActionContext) {
  const tracking = await tracksThisItem(api, workItemIdOf(context)).catch(() => false);
  return [{ id: 'timehub-tracking', text: tracking ? 'Stop Tracking' : 'Start Tracking', icon: 'static/timehub-icon.png' }];
}

/** The toolbar action: stops the item's running tracker, or starts one, and says so in a toast. */
export async function toolbarAction(api: TimehubApi, context: WorkItemActionContext): Promise<string> {
  const workItemId = workItemIdOf(context);
  if (!(await tracksThisItem(api, workItemId).catch(() => false))) return startTrackingFromToolbar(api, context);
  try {
    const worklog = await api.stopTracking();
    announceTrackingChanged();
    return `Stopped tracking #${workItemId}${worklog ? ` (${lengthLabel(worklog.length)} recorded)` : ''}.`;
  } catch (error) {
    return `Could not stop tracking #${workItemId}: ${errorMessage(error)}`;
  }
}

/** "Start Tracking" in the work item toolbar: starts on the open item and confirms with a toast. */
export async function startTrackingFromToolbar(api: TimehubApi, context: WorkItemActionContext): Promise<string> {
  const workItemId = workItemIdOf(context);
  if (!workItemId) return 'Save the work item first: Timehub tracks time on saved work items.';
  try {
    const { stoppedWorklog } = await api.startTracking({ workItemId, timeZone: browserTimeZone() });
    announceTrackingChanged();
    const ids = [workItemId, ...(stoppedWorklog?.workItemId ? [stoppedWorklog.workItemId] : [])];
    const titles = await workItemTitles(ids).catch(() => new Map<number, string>());
    const name = (id: number) => (titles.get(id) ? `#${id} “${titles.get(id)}”` : `#${id}`);
    const started = `Started tracking ${name(workItemId)}.`;
    if (!stoppedWorklog) return started;
    const stoppedName = stoppedWorklog.workItemId ? name(stoppedWorklog.workItemId) : 'the previous item';
    return `${started} Stopped ${stoppedName} first (${lengthLabel(stoppedWorklog.length)} recorded).`;
  } catch (error) {
    return `Could not start tracking #${workItemId}: ${errorMessage(error)}`;
  }
}

void startContribution(({ api, contributionId }) => {
  // The toast writes lengths in the user's time format: read it once, at the first action.
  let preferences: Promise<unknown> | undefined;
  const run = async (context: WorkItemActionContext) => {
    preferences ??= loadPreferences(api);
    await preferences;
    await showToast(await toolbarAction(api, context ?? {}), 6000);
  };
  // Azure DevOps asks getMenuItems as the menu opens and calls the item's action (hosts without it call execute).
  const action = {
    getMenuItems: async (context: WorkItemActionContext) =>
      (await toolbarMenuItems(api, context ?? {})).map((item) => ({ ...item, action: (clicked: WorkItemActionContext) => void run(clicked) })),
    execute: run,
  };
  SDK.register(REGISTERED_OBJECT_ID, action);
  SDK.register(contributionId, action);
});
