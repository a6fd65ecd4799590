import type { FrameLocator, Locator } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { localDayOf } from '../../extension/src/shared/format.js';
import { middayTimeZone, unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

/** The everyday defects a member met in the dev host, each seen as a browser shows it. */

const MONOSPACE = /mono|consolas|courier/i;
const fontOf = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).fontFamily);
const heightOf = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;
/** "Mon, Nov 30" (with ", 2026" in another year): the one date format of every page, in en-US. */
const DAY = /\w{3}, \w{3} \d{1,2}(, \d{4})?/;

async function fillWorklog(panel: FrameLocator, values: { workItem?: string; day?: string; start: string; end: string }) {
  const form = panel.getByTestId('worklog-form').last();
  if (values.workItem !== undefined) await form.getByRole('textbox', { name: 'Work item', exact: true }).fill(values.workItem);
  if (values.day) await form.getByTestId('worklog-day').fill(values.day);
  await form.getByTestId('worklog-start').fill(values.start);
  await form.getByTestId('worklog-end').fill(values.end);
}

describe('a member\'s everyday in the dev host', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();
  // Each test names the refusals it provokes; another test's are not its business.
  beforeEach(() => {
    e2e.watched.errors.length = 0;
  });
  // Today where the browser is (about midday there): this week's column, and 9:00 is in the past.
  const today = () => localDayOf(new Date(new Date().toLocaleString('en-US', { timeZone: middayTimeZone() })));

  it('tracking_bar_fields_share_one_height_times_are_not_monospace_and_a_cleared_field_clears_its_error', async () => {
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    const idle = hub.getByTestId('tracker-idle');
    await idle.waitFor();

    // Work item, comment, the activity dropdown, and the button.
    const textFields = idle.locator('.bolt-textfield');
    expect(await textFields.count()).toBe(3);
    const fields = [textFields.nth(0), textFields.nth(1), textFields.nth(2), idle.getByRole('button', { name: 'Start tracking' })];
    expect(await Promise.all(fields.map(heightOf))).toEqual([32, 32, 32, 32]);
    await e2e.host.screenshotBothThemes('tracking-bar-idle', 'time-hub');

    // An unknown work item is refused; emptying the field takes the stale message away.
    await idle.getByRole('textbox', { name: 'Work item', exact: true }).fill('999');
    await idle.getByRole('button', { name: 'Start tracking' }).click();
    await expect.poll(() => hub.getByTestId('action-error').textContent()).toContain('999');
    await idle.getByRole('textbox', { name: 'Work item', exact: true }).fill('');
    await expect.poll(() => hub.getByTestId('action-error').count()).toBe(0);

    // Half a minute tracked: "30s", not "0:00"; the timer in the host's font.
    await idle.getByRole('textbox', { name: 'Work item', exact: true }).fill('4');
    await idle.getByRole('button', { name: 'Start tracking' }).click();
    const elapsed = hub.getByTestId('tracker-elapsed');
    await elapsed.waitFor();
    expect(await fontOf(elapsed)).not.toMatch(MONOSPACE);
    e2e.server.clock.advance(30_000);
    await hub.getByRole('button', { name: 'Stop' }).click();
    // (The server's clock is real time moved ahead: a second or two more may pass.)
    await expect.poll(() => hub.getByTestId('row-total-4').textContent()).toMatch(/^3\ds$/);
    expect(await fontOf(hub.getByTestId('week-total'))).not.toMatch(MONOSPACE);
    expect(unexpectedErrors(e2e.watched, [/startTracking: .* 422/])).toEqual([]);
  });

  it('add_time_shows_the_day_total_closes_one_way_and_names_an_overlap_in_local_time', async () => {
    await e2e.host.open('#/hub/time-hub', { user: 'carol' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('empty-state').waitFor();
    const day = today();

    await hub.getByRole('menuitem', { name: 'Add time' }).click();
    await fillWorklog(hub, { workItem: '3', day, start: '09:00', end: '10:30' });
    expect(await hub.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    expect(await hub.getByRole('button', { name: 'Close' }).count()).toBe(1);
    await hub.getByRole('button', { name: 'Add worklog' }).click();
    await expect.poll(() => hub.getByTestId(`cell-3-${day}`).textContent()).toBe('1:30');

    // The same day again: the panel says what the day already holds.
    await hub.getByRole('menuitem', { name: 'Add time' }).click();
    await fillWorklog(hub, { workItem: '6', day, start: '10:00', end: '11:00' });
    const panel = hub.locator('.bolt-panel');
    await expect.poll(() => panel.textContent()).toMatch(new RegExp(`${DAY.source} · 1:30 logged that day`));
    await hub.getByRole('button', { name: 'Add worklog' }).click();
    const refusal = hub.getByTestId('action-error');
    await expect.poll(() => refusal.textContent()).toMatch(/^This time overlaps your worklog on #3, \w{3}, \w{3} \d{1,2}(, \d{4})?, 9:00 – 10:30 AM\.$/);
    await e2e.host.screenshotBothThemes('add-time-overlap-local-time', 'time-hub');
    // A later edit answers the message: it was about the values as they were.
    await hub.getByTestId('worklog-start').last().fill('10:30');
    await expect.poll(() => refusal.count()).toBe(0);
    await hub.getByRole('button', { name: 'Close' }).click();

    // The day panel: Delete and its confirmation on one line each.
    await hub.getByTestId(`cell-3-${day}`).click();
    const cellPanel = hub.getByTestId('cell-panel');
    await cellPanel.getByRole('button', { name: 'Delete' }).click();
    for (const name of ['Yes, delete', 'Keep']) expect(await heightOf(cellPanel.getByRole('button', { name }))).toBeLessThanOrEqual(32);
    await e2e.host.screenshotBothThemes('day-panel-delete-confirm', 'time-hub');
    await cellPanel.getByRole('button', { name: 'Keep' }).click();
    expect(await heightOf(cellPanel.getByRole('button', { name: 'Delete' }))).toBeLessThanOrEqual(32);
    const header = await hub.getByTestId('week-grid').locator('th.th-today').textContent();
    expect(header).toMatch(new RegExp(`^${DAY.source}$`));
    await hub.getByRole('button', { name: 'Close' }).click();

    // The work item tab writes the day and times as the timesheet does, in the page's font.
    await e2e.host.open('#/boards/3', { user: 'carol' });
    await e2e.watched.page.getByTestId('tab-work-item-tab').click();
    const tab = await e2e.host.frame('work-item-tab');
    const row = tab.getByTestId('worklog').first();
    await expect.poll(() => row.textContent()).toContain(`${header}, 9:00 – 10:30 AM`);
    expect(await fontOf(tab.getByTestId('worklog-length').first())).not.toMatch(MONOSPACE);
    expect(await fontOf(tab.getByTestId('work-item-total'))).not.toMatch(MONOSPACE);
    await e2e.host.screenshotBothThemes('work-item-tab-worklogs', 'work-item-tab');
    expect(unexpectedErrors(e2e.watched, [/workLogs: .* 409/])).toEqual([]);
  });

  it('the_work_item_menu_offers_stop_while_the_item_is_tracked_and_closes_on_escape', async () => {
    const { page } = e2e.watched;
    await e2e.host.open('#/boards/8', { user: 'carol' });
    await e2e.host.frame('start-tracking-action');
    const menu = page.getByTestId('work-item-menu');
    const item = page.getByTestId('action-start-tracking-action');
    await menu.click();
    await expect.poll(() => item.textContent()).toBe('Start Tracking');
    await page.keyboard.press('Escape');
    await expect.poll(() => item.count()).toBe(0);

    await menu.click();
    await item.click();
    expect(await e2e.host.toast()).toContain('Started tracking #8');
    await menu.click();
    await expect.poll(() => item.textContent()).toBe('Stop Tracking');
    await e2e.host.screenshotBothThemes('work-item-menu-stop');
    await item.click();
    await expect.poll(() => e2e.host.toast()).toMatch(/^Stopped tracking #8/);
    await menu.click();
    await expect.poll(() => item.textContent()).toBe('Start Tracking');
    await page.keyboard.press('Escape');
    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it('the_settings_tab_has_no_tracking_bar', async () => {
    await e2e.host.open('#/hub/time-hub/settings', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('activity-types').waitFor();
    expect(await hub.locator('.th-tracking-bar').count()).toBe(0);
    await hub.getByRole('tab', { name: 'Timesheet' }).click();
    await hub.locator('.th-tracking-bar').waitFor();
  });
});
