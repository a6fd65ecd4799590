import { handleWorkItemMessage } from '../automation/handle-work-item-message.js';
import { handleApprovalMessage, isApprovalMessage } from '../approvals/send-approval-notice.js';
import { handleBudgetMessage, isBudgetMessage } from '../budgets/send-budget-notice.js';
import { handleBulkJob } from '../explorer/handle-bulk-job.js';
import { sendStopNotice } from '../notices/send-stop-notice.js';
import type { Ports } from '../ports/index.js';
import { handleTrackerTimer } from '../tracking/handle-tracker-timer.js';
import type { QueueHandlerDefinition } from './queue-handler.js';

/** What queue handlers may use: the ports and where the app lives, for links in emails. */
export interface WorkerContext {
  ports: Ports;
  appBaseUrl: string;
}

/** Every queue handler of Timehub: registered in Azure and run by the embedded worker. */
export const queueHandlers: QueueHandlerDefinition<WorkerContext>[] = [
  { name: 'trackerTimer', queue: 'activity-checks', handle: (context, message) => handleTrackerTimer(context.ports, message) },
  { name: 'bulkJob', queue: 'bulk-actions', handle: (context, message) => handleBulkJob(context.ports, message) },
  { name: 'workItemUpdate', queue: 'work-item-updates', handle: (context, message) => handleWorkItemMessage(context.ports, message) },
  // One handler per queue (Service Bus delivers each message to one): approval and budget mail ride beside stop notices.
  {
    name: 'stopNotice', queue: 'email-notices',
    handle: (context, message) => {
      if (isApprovalMessage(message.body)) return handleApprovalMessage(context.ports, context.appBaseUrl, message);
      if (isBudgetMessage(message.body)) return handleBudgetMessage(context.ports, context.appBaseUrl, message);
      return sendStopNotice(context.ports, context.appBaseUrl, message);
    },
  },
];
