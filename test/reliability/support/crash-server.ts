import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { composeApp, composeWorker } from '../../../shared/composition.js';
import { loadSettings } from '../../../shared/config/settings.js';
import { createLocalHost } from '../../../shared/http/local-host.js';
import { routes } from '../../../shared/http/routes/index.js';
import { runRetentionMaintenance } from '../../../shared/orgs/retention-maintenance.js';

/**
 * The server the crash test kills: what `npm start` (scripts/start.ts) runs on DATA_DIR,
 * the route table over the embedded SQLite store and queue with the queue worker and the
 * start-up retention run, minus the extension's dev host. It listens on a free port of
 * 127.0.0.1 and reports it on stdout as `listening <port>`. It has no shutdown path: it
 * dies by SIGKILL, or when the test process that started it goes away (its stdin closes).
 */
async function main() {
  process.stdin.on('end', () => process.exit(1)).resume();
  const settings = loadSettings();
  const app = await composeApp(settings);
  // Request lines are noise here; errors and worker failures go to stderr for the test to show.
  const log = (line: string) => {
    if (!/^(GET|POST|PUT|PATCH|DELETE) \S+ [1-4]\d\d /.test(line)) console.error(line);
  };
  const server = createLocalHost(app, routes, log);
  const worker = await composeWorker(app, settings, log);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  worker?.start();
  void runRetentionMaintenance(app.ports).catch((error: unknown) => log(`retention maintenance failed: ${String(error)}`));
  console.log(`listening ${(server.address() as AddressInfo).port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
