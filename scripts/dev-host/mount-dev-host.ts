import type { RequestListener } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/config/settings.js';
import type { Clock } from '../../shared/ports/clock.js';
import { createDevHostHandler } from './dev-host-server.js';
import { devHostAllowed } from './dev-tokens.js';
import { EXTENSION_DIR } from './extension-manifest.js';
import { ensureUiBuilt } from './ui-build.js';

/**
 * The local dev host for `npm start`: only on the embedded defaults (it signs tokens with
 * the local secrets), after building the UI when its sources changed. Undefined otherwise.
 */
export async function localDevHost(settings: Settings, clock: Clock, log: (line: string) => void): Promise<RequestListener | undefined> {
  if (!devHostAllowed(settings)) {
    log('Dev host off: it runs only on the embedded defaults (no COSMOS_ENDPOINT, DEVOPS_BASE_URL or APP_TOKEN_SECRET).');
    return undefined;
  }
  await ensureUiBuilt({ log });
  return createDevHostHandler({ settings, clock, version: await productVersion() });
}

export async function productVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(EXTENSION_DIR, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
