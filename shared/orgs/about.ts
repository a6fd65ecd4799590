import packageJson from '../../package.json' with { type: 'json' };
import type { AboutInfo } from '../billing/billing-settings.js';

/** The API versions served: names and shapes follow the 7pace Timetracker REST API v3. */
export const API_VERSIONS = ['3.0'];

/** Timehub's version from package.json; the bundler inlines it, so it holds in any deployment layout. */
export function readProductVersion(): string {
  return packageJson.version;
}

export function aboutView(about: AboutInfo) {
  return { product: 'Timehub', version: about.version, build: about.build, apiVersions: API_VERSIONS };
}
