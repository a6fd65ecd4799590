import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';

export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export type Theme = 'light' | 'dark';

/** The dev host as a person uses it: switchers, navigation, and the extension's frames. */
export class DevHostPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  /** Opens a route of the dev host (e.g. '#/boards/5') as a seeded user. */
  async open(route: string, as: { user: string; org?: string; theme?: Theme }): Promise<void> {
    const query = new URLSearchParams({ org: as.org ?? 'fabrikam', user: as.user, theme: as.theme ?? 'light' });
    // The host's own document is enough: its extension frames are awaited one by one (`frame`), so
    // a frame still loading on a busy machine does not hold the navigation up to its timeout.
    const url = `${this.baseUrl}/?${query.toString()}${route}`;
    try {
      await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    } catch (error) {
      // Say whether the server or the browser stalled: the next person reading a CI log needs it.
      console.error(`dev host: opening ${url} failed; the server answers ${await probe(url)}; the page is at ${await pageState(this.page)}`);
      throw error;
    }
  }

  /** The page of a contribution (by its id in the manifest), once it told the host it loaded. */
  async frame(contributionId: string): Promise<FrameLocator> {
    await this.page.waitForSelector(`[data-contribution="${contributionId}"][data-status="loaded"]`, { state: 'attached', timeout: 30_000 });
    return this.page.frameLocator(`[data-contribution="${contributionId}"] iframe`);
  }

  async toast(): Promise<string> {
    return (await this.page.getByTestId('host-toast').last().textContent({ timeout: 15_000 })) ?? '';
  }

  async switchTheme(theme: Theme): Promise<void> {
    await this.page.getByTestId('switch-theme').selectOption(theme);
  }

  /**
   * Saves what is on screen in both themes (test-artifacts/screenshots/<name>-<theme>.png),
   * switching the theme live, as the host's switcher does, and back to light.
   */
  async screenshotBothThemes(name: string, contributionId?: string): Promise<void> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await this.switchTheme(theme);
      if (contributionId) await this.waitForFrameTheme(contributionId, theme);
      await this.page.waitForTimeout(300);
      await this.page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-${theme}.png`) });
    }
    await this.switchTheme('light');
  }

  /** The frame applied the theme the host sent (its background follows --background-color). */
  async waitForFrameTheme(contributionId: string, theme: Theme): Promise<void> {
    const frame = this.page.frame({ name: contributionId });
    const expected = theme === 'dark' ? 'rgb(30, 30, 30)' : 'rgb(255, 255, 255)';
    await frame?.waitForFunction((color) => getComputedStyle(document.body).backgroundColor === color, expected, { timeout: 10_000 });
  }
}

async function probe(url: string): Promise<string> {
  const started = Date.now();
  const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((response) => `HTTP ${response.status}`, (error: unknown) => String(error));
  return `${answer} in ${Date.now() - started} ms`;
}

async function pageState(page: Page): Promise<string> {
  const state = page.evaluate(() => `${location.href} (${document.readyState})`).catch((error: unknown) => String(error));
  const hung = new Promise<string>((resolve) => setTimeout(() => resolve('no answer from the page in 5 s'), 5_000));
  return Promise.race([state, hung]);
}
