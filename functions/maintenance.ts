import azure from '@azure/functions';
import { appForProcess } from '../shared/composition.js';
import { sweepOutbox } from '../shared/automation/work-item-outbox.js';
import { runRetentionMaintenance } from '../shared/orgs/retention-maintenance.js';

// Daily at 03:15 UTC: retention of uninstalled organizations (Cosmos deletes expired documents itself).
azure.app.timer('retentionMaintenance', {
  schedule: '0 15 3 * * *',
  handler: async (_timer, context) => {
    const outcome = await runRetentionMaintenance((await appForProcess()).ports);
    context.log(`retention maintenance: ${JSON.stringify(outcome)}`);
  },
});

// Every 5 minutes: work item updates whose commit held but whose send a crash cut off.
azure.app.timer('workItemOutboxSweep', {
  schedule: '0 */5 * * * *',
  handler: async (_timer, context) => {
    const sent = await sweepOutbox((await appForProcess()).ports);
    if (sent > 0) context.log(`work item outbox: sent ${sent} left behind`);
  },
});
