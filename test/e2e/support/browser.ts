import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fontEnvironment } from './browser-fonts.js';
import { findBrowser, type BrowserSearch } from './find-browser.js';

/**
 * The browser findBrowser picks, headless, with the flags that keep it quiet and offline.
 * `--disable-dev-shm-usage`: containers often give /dev/shm 64 MB, and a Chromium that fills it
 * (screenshots of large pages) freezes, which shows as navigations timing out. Fonts: see
 * fontEnvironment.
 */
export async function launchBrowser(search?: BrowserSearch): Promise<Browser> {
  return chromium.launch({
    executablePath: (await findBrowser(search)).path,
    headless: true,
    env: { ...process.env, ...fontEnvironment() },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions of the page and all its frames. */
  errors: string[];
}

/**
 * A time zone where it is about midday now (Etc/GMT±N), so that a test that tracks for an
 * hour never crosses midnight or the end of the week, whenever it runs.
 */
export function middayTimeZone(now = new Date()): string {
  const shift = 12 - now.getUTCHours();
  const hours = shift > 12 ? shift - 24 : shift < -12 ? shift + 24 : shift;
  // Etc/GMT zones count the other way: Etc/GMT-2 is UTC+2.
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** A fresh context and page that records every console error, in the host page and in the extension frames. */
export async function openPage(browser: Browser, options: { timezoneId?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, timezoneId: options.timezoneId ?? middayTimeZone(), locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { page, context, errors };
}

/**
 * The console errors a test did not expect. Chromium logs every 4xx answer as "Failed to
 * load resource"; a test names the refusals it provokes on purpose (e.g. / 409 /).
 */
export function unexpectedErrors(watched: WatchedPage, expectedRefusals: RegExp[] = []): string[] {
  return watched.errors.filter((line) => !(line.includes('Failed to load resource') && expectedRefusals.some((re) => re.test(line))));
}
