import { once } from 'node:events';
import { composeApp, composeWorker, documentStoreKind, outboxFolder } from '../shared/composition.js';
import { loadSettings, SettingsError } from '../shared/config/settings.js';
import { runRetentionMaintenance } from '../shared/orgs/retention-maintenance.js';
import { sweepOutbox } from '../shared/automation/work-item-outbox.js';
import { createLocalHost } from '../shared/http/local-host.js';
import { routes } from '../shared/http/routes/index.js';
import { localDevHost } from './dev-host/mount-dev-host.js';
import { recordLocalServer } from './local-servers.js';
import { exitOnHelp } from './usage.js';

const usage = `usage: npm start

Runs Timehub locally: the API at http://localhost:$PORT/api and, on the embedded defaults,
the extension inside a local stand-in for Azure DevOps at http://localhost:$PORT/.
Settings come from the environment (README, "Settings"): PORT (7071), HOST (127.0.0.1),
DATA_DIR (.data, the SQLite file), COSMOS_ENDPOINT, DEVOPS_BASE_URL, ...
While it runs, \`npm run token\` mints API tokens valid for it.`;

/** `npm start`: the API on the embedded defaults, over the same route table as Azure. */
async function main() {
  const settings = loadSettings();
  const app = await composeApp(settings);
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const devHost = await localDevHost(settings, app.ports.clock, log);
  const server = createLocalHost(app, routes, log, devHost);
  const worker = await composeWorker(app, settings, log);
  server.listen(settings.PORT, settings.HOST);
  await once(server, 'listening');
  worker?.start();
  // npm run token finds the server (and its data folder) by this record.
  const forget = settings.COSMOS_ENDPOINT ? () => {} : recordLocalServer(settings.PORT, settings.DATA_DIR, app.ports.clock.now());
  const maintenance = startDailyMaintenance(app.ports, log);
  const sweep = startOutboxSweep(app.ports, log);
  console.log(`Timehub API on http://localhost:${settings.PORT}/api (OpenAPI: /api/openapi.json), listening on ${settings.HOST} only`);
  if (devHost) console.log(`Timehub in a local Azure DevOps (dev host): http://localhost:${settings.PORT}/`);
  console.log(`Store: ${documentStoreKind(settings)}`);
  if (worker) console.log(`Queue worker: embedded, in the same SQLite file; emails go to ${outboxFolder(settings)}`);
  console.log('Demo organizations: fabrikam and contoso, users alice (admin), bob, carol.');
  console.log('An API token for scripts: npm run token -- --org fabrikam --user alice');
  // Let running handlers finish: what they leave unfinished is redelivered on the next start.
  const stop = () => {
    forget();
    server.close();
    clearInterval(maintenance);
    clearInterval(sweep);
    void (worker?.stop() ?? Promise.resolve()).then(() => app.ports.store.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Retention of uninstalled orgs: at start, then daily. Its failure is logged, never fatal. */
function startDailyMaintenance(ports: Parameters<typeof runRetentionMaintenance>[0], log: (line: string) => void) {
  const run = () =>
    runRetentionMaintenance(ports).then(
      (outcome) => log(`retention maintenance: ${JSON.stringify(outcome)}`),
      (error: unknown) => log(`retention maintenance failed: ${String(error)}`),
    );
  void run();
  return setInterval(() => void run(), 24 * 3600_000);
}

/** Work item updates that a crash left unsent: at start, then every 5 minutes, as in Azure. */
function startOutboxSweep(ports: Parameters<typeof sweepOutbox>[0], log: (line: string) => void) {
  const run = () =>
    sweepOutbox(ports).then(
      (sent) => sent > 0 && log(`work item outbox: sent ${sent} left behind`),
      (error: unknown) => log(`work item outbox sweep failed: ${String(error)}`),
    );
  void run();
  return setInterval(() => void run(), 5 * 60_000);
}

exitOnHelp(usage);
main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
