import type { IWorkItemFormService } from 'azure-devops-extension-api/WorkItemTracking';
import * as SDK from 'azure-devops-extension-sdk';
import { Page } from 'azure-devops-ui/Page';
import { startPage } from '../shared/bootstrap.js';
import { SERVICE_IDS } from '../shared/host-services.js';
import { EmptyState, Loading } from '../shared/status-views.js';
import { TrackingBar } from '../shared/tracking/tracking-bar.js';
import { WorkItemBudgets } from './work-item-budgets.js';
import { registerFormListener, useFormState } from './work-item-events.js';
import { WorkItemWorklogs } from './work-item-worklogs.js';

const openWorkItemId = async () => {
  const form = await SDK.getService<IWorkItemFormService>(SERVICE_IDS.workItemForm);
  return (await form.isNew()) ? undefined : form.getId();
};

/** The "Timehub" tab of a work item: tracking on this item, its worklogs and their total, adding time, and the budgets over it. */
function WorkItemTab() {
  const { workItemId, revision, resolved } = useFormState(openWorkItemId);
  if (workItemId === undefined) {
    return resolved
      ? <EmptyState title="Save the work item first">Timehub tracks time on saved work items.</EmptyState>
      : <Loading label="Opening the work item…" />;
  }
  return (
    <Page className="flex-grow">
      <div className="page-content page-content-top flex-column">
        <TrackingBar workItemId={workItemId} />
        <WorkItemWorklogs key={workItemId} workItemId={workItemId} revision={revision} />
        <WorkItemBudgets key={`budgets-${workItemId}`} workItemId={workItemId} revision={revision} />
      </div>
    </Page>
  );
}

startPage(() => <WorkItemTab />, ({ contributionId }) => registerFormListener(contributionId));
