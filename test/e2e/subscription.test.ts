import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, unexpectedErrors, type WatchedPage } from './support/browser.js';
import { DevHostPage } from './support/dev-host-page.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

describe('the Subscription page under Organization Settings', { timeout: 180_000 }, () => {
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

  it('shows a billing admin the trial with its days left, seats and Buy now', async () => {
    await host.open('#/settings', { user: 'alice' });
    await watched.page.getByTestId('settings-hub-subscription-hub').click();
    const hub = await host.frame('subscription-hub');
    const status = hub.getByTestId('subscription-status');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.getAttribute('data-status')).toBe('trial');
    expect(await hub.getByTestId('subscription-sentence').textContent()).toMatch(/^Trial: 28 days left \(until .+\)\.$/);
    expect(await hub.getByTestId('subscription-seats').textContent()).toContain('no limit during the trial');
    expect(await hub.getByRole('button', { name: 'Buy now' }).count()).toBe(1);
    expect(await hub.getByTestId('activate-subscription').count()).toBe(1);
    expect(await hub.getByTestId('license-file').count()).toBe(1);
    await host.screenshotBothThemes('subscription-billing-admin', 'subscription-hub');
    expect(unexpectedErrors(watched)).toEqual([]);
  });

  it('shows a member no access, naming the billing admins', async () => {
    await host.open('#/settings/subscription-hub', { user: 'bob' });
    const hub = await host.frame('subscription-hub');
    const notice = hub.getByTestId('subscription-no-access');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('No access');
    expect(await notice.textContent()).toContain('Alice Anders');
    expect(await hub.getByTestId('activate-subscription').count()).toBe(0);
    expect(await hub.getByTestId('license-file').count()).toBe(0);
    await host.screenshotBothThemes('subscription-member', 'subscription-hub');
    expect(unexpectedErrors(watched)).toEqual([]);
  });

  it('names the server refusing a tampered license file', async () => {
    await host.open('#/settings/subscription-hub', { user: 'alice' });
    const hub = await host.frame('subscription-hub');
    const tampered = { org: 'fabrikam', seats: 10, expiry: '2030-01-01T00:00:00Z', subscriptionId: 'sub-1', signature: 'ed25519:AAAA' };
    await hub.getByTestId('license-file').setInputFiles({ name: 'timehub.lic', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
    const refusal = hub.getByTestId('license-upload').getByTestId('action-error');
    await expect.poll(() => refusal.textContent(), { timeout: 15_000 }).toMatch(/signature/i);
    expect(unexpectedErrors(watched, [/subscription\/license: .* 400/])).toEqual([]);
  });
});
