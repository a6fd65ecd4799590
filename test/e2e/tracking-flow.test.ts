import { describe, expect, it } from 'vitest';
import { useDevHostSession } from './support/dev-host-session.js';

const MINUTE = 60_000;

describe('tracking from a work item', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('starts from the toolbar action, shows the timer in the tab, stops, and finds the worklogs in the timesheet', async () => {
    const { page } = e2e.watched;
    await e2e.host.open('#/boards', { user: 'bob' });
    await expect.poll(() => page.getByTestId('work-items').locator('tbody tr').count()).toBe(25);
    await e2e.host.screenshotBothThemes('boards-work-items');

    // Start Tracking on #5 from the work item's toolbar menu: a toast confirms.
    await page.getByTestId('work-item-row-5').click();
    await e2e.host.frame('start-tracking-action');
    await page.getByTestId('work-item-menu').click();
    await page.getByTestId('action-start-tracking-action').click();
    expect(await e2e.host.toast()).toContain('Started tracking #5 “As a customer I can pick a two-hour installation window”.');
    await e2e.host.screenshotBothThemes('work-item-start-tracking-toast');

    // The Timehub tab shows the timer running on #5, and it follows the server's clock.
    await page.getByTestId('tab-work-item-tab').click();
    const tab = await e2e.host.frame('work-item-tab');
    await expect.poll(() => tab.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('5');
    e2e.server.clock.advance(25 * MINUTE);
    await expect.poll(() => tab.getByTestId('tracker-elapsed').textContent(), { timeout: 15_000 }).toMatch(/^00:25:\d\d$/);
    await e2e.host.screenshotBothThemes('work-item-tab-tracking', 'work-item-tab');

    // Starting on #7 while #5 runs: the toast says what was stopped.
    await e2e.host.open('#/boards/7', { user: 'bob' });
    await e2e.host.frame('start-tracking-action');
    await page.getByTestId('work-item-menu').click();
    await page.getByTestId('action-start-tracking-action').click();
    const toast = await e2e.host.toast();
    expect(toast).toContain('Started tracking #7');
    expect(toast).toMatch(/Stopped #5 .* first \(0:25 recorded\)/);

    // Stop in the tab: the worklog appears there with its total.
    await page.getByTestId('tab-work-item-tab').click();
    const tab7 = await e2e.host.frame('work-item-tab');
    await expect.poll(() => tab7.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('7');
    e2e.server.clock.advance(10 * MINUTE);
    await tab7.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => tab7.getByTestId('work-item-total').textContent()).toBe('0:10');
    await expect(tab7.getByTestId('worklog').count()).resolves.toBe(1);
    await tab7.getByTestId('tracker-idle').waitFor();

    // The timesheet holds both: 0:25 on #5 and 0:10 on #7.
    await page.getByTestId('nav-time-hub').click();
    const hub = await e2e.host.frame('time-hub');
    await expect.poll(() => hub.getByTestId('row-total-5').textContent()).toBe('0:25');
    await expect.poll(() => hub.getByTestId('row-total-7').textContent()).toBe('0:10');
    expect(await hub.getByTestId('week-total').textContent()).toBe('0:35');
    await e2e.host.screenshotBothThemes('time-hub-timesheet', 'time-hub');

    expect(e2e.watched.errors).toEqual([]);
  });
});
