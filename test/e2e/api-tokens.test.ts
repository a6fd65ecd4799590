import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, unexpectedErrors, type WatchedPage } from './support/browser.js';
import { DevHostPage } from './support/dev-host-page.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

describe('personal API tokens', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let watched: WatchedPage;
  let host: DevHostPage;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    watched = await openPage(browser);
    host = new DevHostPage(watched.page, server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const me = (token: string) => fetch(`${server.url}/api/rest/me`, { headers: { authorization: `Bearer ${token}` } });

  it('creates a token whose secret shows once and works, then revokes it', async () => {
    await host.open('#/hub/time-hub/settings', { user: 'bob' });
    const hub = await host.frame('time-hub');
    const tokens = hub.getByTestId('api-tokens');
    await tokens.getByTestId('empty-state').waitFor();

    await tokens.getByRole('textbox', { name: 'Token name' }).fill('Weekly report');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const secret = (await tokens.getByTestId('new-token-secret').textContent({ timeout: 15_000 })) ?? '';
    expect(secret).toMatch(/^th\./);
    await expect.poll(() => tokens.getByTestId('api-token').getAttribute('data-token-name')).toBe('Weekly report');
    await host.screenshotBothThemes('time-hub-settings-member', 'time-hub');

    const answer = await me(secret);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { user: { name: string } } }).data.user.name).toBe('Bob Brandt');

    // The secret is not shown again after a reload: only the name is listed.
    await watched.page.reload();
    const reloaded = (await host.frame('time-hub')).getByTestId('api-tokens');
    await expect.poll(() => reloaded.getByTestId('api-token').count()).toBe(1);
    expect(await reloaded.getByTestId('new-token-secret').count()).toBe(0);

    await reloaded.getByRole('button', { name: 'Revoke' }).click();
    await reloaded.getByRole('button', { name: 'Yes, revoke' }).click();
    await reloaded.getByTestId('empty-state').waitFor();
    expect((await me(secret)).status).toBe(401);

    expect(unexpectedErrors(watched)).toEqual([]);
  });
});
