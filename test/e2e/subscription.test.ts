import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('the Subscription page under Organization Settings', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('shows a billing admin the trial with its days left, seats and Buy now', async () => {
    await e2e.host.open('#/settings', { user: 'alice' });
    await e2e.watched.page.getByTestId('settings-hub-subscription-hub').click();
    const hub = await e2e.host.frame('subscription-hub');
    const status = hub.getByTestId('subscription-status');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.getAttribute('data-status')).toBe('trial');
    expect(await hub.getByTestId('subscription-sentence').textContent()).toMatch(/^28 days left, until \w{3}, \w{3} \d+(, \d{4})?\.$/);
    // The plan as people say it, and the pill and the sentence beside it say different things.
    expect(await hub.getByText('Free trial', { exact: true }).count()).toBe(1);
    expect(await hub.getByText(/Plan: trial/).count()).toBe(0);
    expect(await hub.getByTestId('subscription-pill').textContent()).toBe('Trial');
    expect(await hub.getByTestId('subscription-seats').textContent()).toContain('no limit during the trial');
    expect(await hub.getByRole('button', { name: 'Buy now' }).count()).toBe(1);
    expect(await hub.getByTestId('activate-subscription').count()).toBe(1);
    expect(await hub.getByTestId('license-file').count()).toBe(1);
    // The file picker opens from a host-styled button, not the browser's "Choose File".
    expect(await hub.getByTestId('license-file').isVisible()).toBe(false);
    const [chooser] = await Promise.all([e2e.watched.page.waitForEvent('filechooser'), hub.getByRole('button', { name: 'Choose a license file…' }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    await e2e.host.screenshotBothThemes('subscription-billing-admin', 'subscription-hub');
    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it('shows a member no access, naming the billing admins', async () => {
    await e2e.host.open('#/settings/subscription-hub', { user: 'bob' });
    const hub = await e2e.host.frame('subscription-hub');
    const notice = hub.getByTestId('subscription-no-access');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('No access');
    expect(await notice.textContent()).toContain('Alice Anders');
    expect(await hub.getByTestId('activate-subscription').count()).toBe(0);
    expect(await hub.getByTestId('license-file').count()).toBe(0);
    await e2e.host.screenshotBothThemes('subscription-member', 'subscription-hub');
    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it('names the server refusing a tampered license file', async () => {
    await e2e.host.open('#/settings/subscription-hub', { user: 'alice' });
    const hub = await e2e.host.frame('subscription-hub');
    const tampered = { org: 'fabrikam', seats: 10, expiry: '2030-01-01T00:00:00Z', subscriptionId: 'sub-1', signature: 'ed25519:AAAA' };
    await hub.getByTestId('license-file').setInputFiles({ name: 'timehub.lic', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
    const refusal = hub.getByTestId('license-upload').getByTestId('action-error');
    await expect.poll(() => refusal.textContent(), { timeout: 15_000 }).toMatch(/signature/i);
    expect(unexpectedErrors(e2e.watched, [/subscription\/license: .* 400/])).toEqual([]);
  });
});
