import { ensureUiBuilt } from '../../scripts/dev-host/ui-build.js';

/** The browser tests run the built UI: build it once, before any test file starts (skipped when up to date). */
export default async function setup(): Promise<void> {
  await ensureUiBuilt({ log: (line) => console.log(line) });
}
