import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('personal API tokens', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  const me = (token: string) => fetch(`${e2e.server.url}/api/rest/me`, { headers: { authorization: `Bearer ${token}` } });

  it('creates a token whose secret shows once and works, then revokes it', async () => {
    await e2e.host.open('#/hub/time-hub/settings', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    const tokens = hub.getByTestId('api-tokens');
    await tokens.getByTestId('empty-state').waitFor();

    await tokens.getByRole('textbox', { name: 'Token name' }).fill('Weekly report');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const secret = (await tokens.getByTestId('new-token-secret').textContent({ timeout: 15_000 })) ?? '';
    expect(secret).toMatch(/^th\./);
    await expect.poll(() => tokens.getByTestId('api-token').getAttribute('data-token-name')).toBe('Weekly report');
    await e2e.host.screenshotBothThemes('time-hub-settings-member', 'time-hub');

    const answer = await me(secret);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { user: { name: string } } }).data.user.name).toBe('Bob Brandt');

    // The secret is not shown again after a reload: only the name is listed.
    await e2e.watched.page.reload();
    const reloaded = (await e2e.host.frame('time-hub')).getByTestId('api-tokens');
    await expect.poll(() => reloaded.getByTestId('api-token').count()).toBe(1);
    expect(await reloaded.getByTestId('new-token-secret').count()).toBe(0);

    await reloaded.getByRole('button', { name: 'Revoke' }).click();
    await reloaded.getByRole('button', { name: 'Yes, revoke' }).click();
    await reloaded.getByTestId('empty-state').waitFor();
    expect((await me(secret)).status).toBe(401);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
