import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { findBrowser } from './support/find-browser.js';

/** A machine with Node and npm only: nothing on PATH, no system folders, an empty Playwright cache. */
const bareMachine = () => ({
  env: { PATH: '', HOME: mkdtempSync(join(tmpdir(), 'timehub-no-browser-')), PLAYWRIGHT_BROWSERS_PATH: mkdtempSync(join(tmpdir(), 'timehub-no-cache-')) },
  systemDirs: [],
});

describe('the browser the tests drive', () => {
  it('comes from the npm package when the machine has no Chromium, and renders a page', async () => {
    const found = await findBrowser(bareMachine());
    expect(found.source).toBe('@sparticuz/chromium');
    const browser = await launchBrowser(bareMachine());
    try {
      const page = await browser.newPage();
      await page.setContent('<title>bare</title><button style="width:120px;height:30px">Start</button>');
      expect(await page.title()).toBe('bare');
      expect(await page.locator('button').boundingBox()).toMatchObject({ width: 120, height: 30 });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('prefers CHROMIUM_PATH and says when it is not a browser', async () => {
    const packaged = await findBrowser(bareMachine());
    expect(await findBrowser({ env: { CHROMIUM_PATH: packaged.path } })).toEqual({ path: packaged.path, source: 'CHROMIUM_PATH' });
    await expect(findBrowser({ env: { CHROMIUM_PATH: '/nowhere/chrome' } })).rejects.toThrow('CHROMIUM_PATH=/nowhere/chrome is not an executable browser');
  });

  it('takes a system Chromium on PATH before the package', async () => {
    const packaged = await findBrowser(bareMachine());
    const dir = packaged.path.slice(0, packaged.path.lastIndexOf('/'));
    // /tmp/chromium, extracted by the package, stands in for a system install named chromium.
    expect(await findBrowser({ env: { PATH: dir }, systemDirs: [] })).toEqual({ path: join(dir, 'chromium'), source: 'system' });
  });
});
