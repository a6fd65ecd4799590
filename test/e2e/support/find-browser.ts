import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface FoundBrowser {
  path: string;
  /** Where it came from, printed so a failing run says which browser it used. */
  source: 'CHROMIUM_PATH' | 'system' | 'Playwright cache' | '@sparticuz/chromium';
}

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  /** Folders searched besides PATH, for a Chromium or Chrome installed by the system. */
  systemDirs?: string[];
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SYSTEM_DIRS = ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome'];

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser the tests drive, in this order: CHROMIUM_PATH, a system Chromium or Chrome
 * (PATH, then the usual folders), Playwright's own browser cache, and else the Chromium
 * shipped inside the @sparticuz/chromium npm package, so that `npm ci && npm test` needs
 * nothing but Node and npm.
 */
export async function findBrowser(search: BrowserSearch = {}): Promise<FoundBrowser> {
  const env = search.env ?? process.env;
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable browser`);
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...(search.systemDirs ?? SYSTEM_DIRS)];
  for (const dir of dirs) {
    for (const name of SYSTEM_NAMES) if (isExecutable(join(dir, name))) return { path: join(dir, name), source: 'system' };
  }
  const cached = playwrightCached(env);
  if (cached) return { path: cached, source: 'Playwright cache' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: '@sparticuz/chromium' };
}

/** A Chromium that `npx playwright install` left, newest first (not downloadable here, but often present elsewhere). */
function playwrightCached(env: NodeJS.ProcessEnv): string | undefined {
  const root = env.PLAYWRIGHT_BROWSERS_PATH ?? join(env.HOME ?? homedir(), '.cache', 'ms-playwright');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return undefined;
  }
  const candidates = entries
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]))
    .flatMap((name) => [join(root, name, 'chrome-linux', 'chrome'), join(root, name, 'chrome-linux', 'headless_shell'), join(root, name, 'chrome-headless-shell-linux64', 'chrome-headless-shell')]);
  return candidates.find(isExecutable);
}
