import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDevHostSession } from './support/dev-host-session.js';

const MINUTE = 60_000;

async function choose(hub: FrameLocator, field: string, option: string) {
  await hub.getByRole('button', { name: field, exact: true }).click();
  await hub.getByRole('option').filter({ hasText: new RegExp(`^\\s*${option}\\s*$`) }).click();
}

describe('internal targets', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('tracks a target picked in the tracking bar, and the timesheet shows it in a row of its own', async () => {
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    const pick = hub.getByTestId('target-quick-pick');
    await pick.getByRole('button', { name: 'Track Meetings' }).waitFor();
    await e2e.host.screenshotBothThemes('time-hub-target-quick-pick', 'time-hub');

    await pick.getByRole('button', { name: 'Track Meetings' }).click();
    const running = hub.getByTestId('tracker-running');
    await expect.poll(() => running.getAttribute('data-target-id')).toBe('meetings');
    expect(await running.textContent()).toContain('Tracking Meetings');
    e2e.server.clock.advance(30 * MINUTE);
    await expect.poll(() => hub.getByTestId('tracker-elapsed').textContent(), { timeout: 15_000 }).toMatch(/^00:30:\d\d$/);
    await e2e.host.screenshotBothThemes('time-hub-tracking-target', 'time-hub');

    await running.getByRole('button', { name: 'Stop' }).click();
    await hub.getByTestId('tracker-idle').waitFor();
    await expect.poll(() => hub.getByTestId('row-total-target-meetings').textContent()).toBe('0:30');
    expect(await hub.getByTestId('row-target-meetings').locator('td').first().textContent()).toBe('Meetings');

    // Add time on another target by hand: the form takes a target instead of a work item.
    await hub.getByRole('menuitem', { name: 'Add time' }).click();
    const form = hub.getByTestId('worklog-form');
    await choose(hub, 'Target', 'Vacation');
    await form.getByTestId('worklog-start').fill('06:00');
    await form.getByTestId('worklog-end').fill('08:00');
    await form.getByRole('button', { name: 'Add worklog' }).click();
    await expect.poll(() => hub.getByTestId('row-total-target-vacation').textContent()).toBe('2:00');
    await e2e.host.screenshotBothThemes('time-hub-timesheet-targets', 'time-hub');

    // The Reports tab groups by target, with the targets' names.
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await e2e.host.open(`#/hub/time-hub/reports?from=${day(-40)}&to=${day(40)}&groupBy=target`, { user: 'bob' });
    const reports = await e2e.host.frame('time-hub');
    await expect.poll(() => reports.getByTestId('report-row').allTextContents(), { timeout: 15_000 }).toEqual(['Meetings0:300:001', 'Vacation2:000:001']);

    expect(e2e.watched.errors).toEqual([]);
  });

  it('lets an Administrator add a target in the Settings tab and deactivate it after a confirmation', async () => {
    await e2e.host.open('#/hub/time-hub/settings', { user: 'alice' });
    const hub = await e2e.host.frame('time-hub');
    const section = hub.getByTestId('targets');
    await section.locator('[data-target-name="Vacation"]').waitFor();

    await section.getByRole('textbox', { name: 'New target name' }).fill('Conference');
    await section.getByRole('button', { name: 'Add target' }).click();
    const conference = section.locator('[data-target-name="Conference"]');
    await conference.waitFor();

    await conference.getByRole('button', { name: 'Deactivate' }).click();
    expect(await conference.textContent()).toContain('Deactivate Conference? New time cannot go on it; its worklogs keep it.');
    await e2e.host.screenshotBothThemes('time-hub-settings-targets', 'time-hub');
    await conference.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => conference.getByText('inactive').count()).toBe(1);
    expect(e2e.watched.errors).toEqual([]);
  });
});
