import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('the activity check in the tracking bar', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('asks "Are you still working?" with a countdown, and the answer keeps the tracker running', async () => {
    // An administrator sets the org's interval short: a check every minute, 90 seconds to answer.
    await e2e.host.open('#/hub/time-hub/settings', { user: 'alice' });
    const hub = await e2e.host.frame('time-hub');
    const settings = hub.getByTestId('tracking-settings');
    await settings.getByTestId('interval-minutes').fill('1');
    await settings.getByTestId('waiting-seconds').fill('90');
    await settings.getByRole('button', { name: 'Save tracking settings' }).click();
    await expect.poll(() => settings.textContent()).toContain('Saved.');
    await e2e.host.screenshotBothThemes('time-hub-settings-admin', 'time-hub');

    // Start tracking #2 from the tracking bar.
    await hub.getByRole('tab', { name: 'Timesheet' }).click();
    await hub.getByRole('textbox', { name: 'Work item', exact: true }).fill('2');
    await hub.getByRole('textbox', { name: 'Comment' }).fill('Booking flow');
    await hub.getByRole('button', { name: 'Start tracking' }).click();
    await expect.poll(() => hub.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('2');
    expect(await hub.getByTestId('activity-check').count()).toBe(0);

    // A minute later the server raises the check; the bar counts down the 90 seconds.
    e2e.server.clock.advance(61_000);
    const prompt = hub.getByTestId('activity-check');
    await prompt.waitFor({ timeout: 15_000 });
    expect(await prompt.textContent()).toContain('Are you still working?');
    await expect.poll(() => prompt.getByTestId('activity-check-countdown').textContent()).toMatch(/^00:01:[23]\d$/);
    await e2e.host.screenshotBothThemes('tracking-bar-activity-check', 'time-hub');

    // "Yes, still working": the prompt goes, the tracker runs on, and the next check is a minute away.
    await prompt.getByRole('button', { name: 'Yes, still working' }).click();
    await expect.poll(() => hub.getByTestId('activity-check').count()).toBe(0);
    expect(await hub.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('2');
    e2e.server.clock.advance(30_000);
    // A fresh load reads the tracker from the server: half a minute after the answer, no check is due.
    await e2e.watched.page.reload();
    const reloaded = await e2e.host.frame('time-hub');
    await expect.poll(() => reloaded.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('2');
    expect(await reloaded.getByTestId('activity-check').count()).toBe(0);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
