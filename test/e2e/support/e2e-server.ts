import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevHostHandler } from '../../../scripts/dev-host/dev-host-server.js';
import { productVersion } from '../../../scripts/dev-host/mount-dev-host.js';
import type { LocalQueueWorker } from '../../../shared/adapters/local-queue/local-queue-worker.js';
import { composeApp, composeWorker } from '../../../shared/composition.js';
import { loadSettings } from '../../../shared/config/settings.js';
import { createLocalHost } from '../../../shared/http/local-host.js';
import type { AppContext } from '../../../shared/http/route.js';
import { routes } from '../../../shared/http/routes/index.js';
import { ShiftedClock } from './shifted-clock.js';

export interface E2eServer {
  /** The dev host, as `npm start` serves it: http://127.0.0.1:<port>/ */
  url: string;
  app: AppContext;
  clock: ShiftedClock;
  /** The embedded queue's worker, not polling: a test moves the clock, then calls runDue(). */
  worker: LocalQueueWorker;
  close(): Promise<void>;
}

/**
 * What `npm start` runs (the API and the dev host serving the built UI), in-process on a
 * free port, over a temporary DATA_DIR and a clock the test moves ahead. The UI is built once
 * by test/e2e/global-setup.ts.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const clock = new ShiftedClock();
  const dataDir = mkdtempSync(join(tmpdir(), 'timehub-e2e-'));
  const settings = loadSettings({ DATA_DIR: dataDir });
  const app = await composeApp(settings, { clock });
  const worker = await composeWorker(app, settings, () => {});
  if (!worker) throw new Error('the e2e server runs on the embedded queue');
  const devHost = createDevHostHandler({ settings, clock, version: await productVersion() });
  const server = createLocalHost(app, routes, () => {}, devHost);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, app, clock, worker,
    async close() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.ports.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
