import * as SDK from 'azure-devops-extension-sdk';
import { errorMessage } from '../shared/api-error.js';
import { startContribution } from '../shared/bootstrap.js';
import { hoursMinutes, browserTimeZone } from '../shared/format.js';
import { showToast, workItemTitles } from '../shared/host-services.js';
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

/** "Start Tracking" in the work item toolbar: starts on the open item and confirms with a toast. */
export async function startTrackingFromToolbar(api: TimehubApi, context: WorkItemActionContext): Promise<string> {
  const workItemId = context.workItemId ?? context.id ?? context.workItemIds?.[0];
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
    return `${started} Stopped ${stoppedName} first (${hoursMinutes(stoppedWorklog.length)} recorded).`;
  } catch (error) {
    return `Could not start tracking #${workItemId}: ${errorMessage(error)}`;
  }
}

void startContribution(({ api, contributionId }) => {
  const action = {
    execute: async (context: WorkItemActionContext) => {
      await showToast(await startTrackingFromToolbar(api, context ?? {}), 6000);
    },
  };
  SDK.register(REGISTERED_OBJECT_ID, action);
  SDK.register(contributionId, action);
});
