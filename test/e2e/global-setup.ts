import { ensureUiBuilt } from '../../scripts/dev-host/ui-build.js';
import { findBrowser } from './support/find-browser.js';

/**
 * The browser tests run the built UI: build it once, before any test file starts (skipped
 * when up to date). The browser is found once too, so that a packaged Chromium is unpacked
 * before test files run side by side.
 */
export default async function setup(): Promise<void> {
  await ensureUiBuilt({ log: (line) => console.log(line) });
  const browser = await findBrowser();
  console.log(`Browser tests use ${browser.path} (${browser.source})`);
}
