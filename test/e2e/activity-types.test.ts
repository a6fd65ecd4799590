import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('managing activity types', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('lets an admin add a type that the tracking bar then offers', async () => {
    await e2e.host.open('#/hub/time-hub/settings', { user: 'alice' });
    const hub = await e2e.host.frame('time-hub');
    const section = hub.getByTestId('activity-types');
    await section.locator('[data-type-name="Meeting"]').waitFor();

    await section.getByRole('textbox', { name: 'New activity type name' }).fill('Code review');
    await section.getByRole('button', { name: 'Add activity type' }).click();
    await section.locator('[data-type-name="Code review"]').waitFor();

    // A clash is shown as the server words it, and nothing is added.
    await section.getByRole('textbox', { name: 'New activity type name' }).fill('code REVIEW');
    await section.getByRole('button', { name: 'Add activity type' }).click();
    await expect.poll(() => section.getByTestId('action-error').textContent()).toContain('already exists');
    expect(await section.locator('[data-type-name="Code review"]').count()).toBe(1);

    // The tracking bar above the settings offers it at once.
    await hub.getByTestId('tracker-idle').getByRole('button', { name: 'Activity', exact: true }).click();
    await hub.getByRole('option', { name: 'Code review' }).waitFor();
    await e2e.host.screenshotBothThemes('time-hub-settings-activity-types', 'time-hub');

    expect(unexpectedErrors(e2e.watched, [/activityTypes.* 409 /])).toEqual([]);
  });
});
