import azure from '@azure/functions';
import { appForProcess } from '../shared/composition.js';
import { runRetentionMaintenance } from '../shared/orgs/retention-maintenance.js';

// Daily at 03:15 UTC: retention of uninstalled organizations (Cosmos deletes expired documents itself).
azure.app.timer('retentionMaintenance', {
  schedule: '0 15 3 * * *',
  handler: async (_timer, context) => {
    const outcome = await runRetentionMaintenance((await appForProcess()).ports);
    context.log(`retention maintenance: ${JSON.stringify(outcome)}`);
  },
});
