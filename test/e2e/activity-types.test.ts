import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('managing activity types', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('lets an admin add a type that the tracking bar then offers, in rows that line up, and deactivate it after a confirmation', async () => {
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
    // Another name: the refusal of the last one goes.
    await section.getByRole('textbox', { name: 'New activity type name' }).fill('');
    await expect.poll(() => section.getByTestId('action-error').count()).toBe(0);

    // Rows line up: every name field and every row's actions start at the same x.
    const rows = section.getByTestId('activity-type');
    const lefts = async (selector: string) => Promise.all((await rows.all()).map(async (row) => (await row.locator(selector).first().boundingBox())?.x));
    expect(new Set(await lefts('.bolt-textfield')).size).toBe(1);
    expect(new Set(await lefts(':scope > span:last-child')).size).toBe(1);

    // Deactivate asks first; Keep leaves the type active.
    const review = section.locator('[data-type-name="Code review"]');
    await review.getByRole('button', { name: 'Deactivate' }).click();
    expect(await review.textContent()).toContain('Deactivate Code review? New time cannot use it.');
    await e2e.host.screenshotBothThemes('time-hub-settings-activity-types', 'time-hub');
    await review.getByRole('button', { name: 'Keep' }).click();
    expect(await review.getByText('inactive').count()).toBe(0);

    // The tracking bar (on the Timesheet tab, not on Settings) offers it at once.
    await hub.getByRole('tab', { name: 'Timesheet' }).click();
    await hub.getByTestId('tracker-idle').getByRole('button', { name: 'Activity', exact: true }).click();
    await hub.getByRole('option', { name: 'Code review' }).waitFor();
    await hub.getByRole('option', { name: 'Code review' }).press('Escape');
    await hub.getByRole('tab', { name: 'Settings' }).click();
    await review.getByRole('button', { name: 'Deactivate' }).click();
    await review.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => review.getByText('inactive').count()).toBe(1);

    expect(unexpectedErrors(e2e.watched, [/activityTypes.* 409 /])).toEqual([]);
  });
});
