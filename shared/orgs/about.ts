import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AboutInfo } from '../billing/billing-settings.js';

/** The API versions served: names and shapes follow the 7pace Timetracker REST API v3. */
export const API_VERSIONS = ['3.0'];

/**
 * The version in Timehub's package.json, found by walking up from this file: the same
 * code runs from the sources (tsx) and from dist/ (the Functions host).
 */
export function readProductVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'timehub' && json.version) return json.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

export function aboutView(about: AboutInfo) {
  return { product: 'Timehub', version: about.version, build: about.build, apiVersions: API_VERSIONS };
}
