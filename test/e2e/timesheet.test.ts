import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '../../extension/src/time-hub/timesheet/week.js';
import { launchBrowser, middayTimeZone, openPage, unexpectedErrors, type WatchedPage } from './support/browser.js';
import { DevHostPage } from './support/dev-host-page.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

/** Fills the worklog form of the open panel (times are local to the browser's zone). */
async function fillWorklog(panel: FrameLocator, values: { workItem?: string; day?: string; start: string; end: string; comment?: string }) {
  const form = panel.getByTestId('worklog-form').last();
  if (values.workItem !== undefined) await form.getByRole('textbox', { name: 'Work item', exact: true }).fill(values.workItem);
  if (values.day) await form.getByTestId('worklog-day').fill(values.day);
  await form.getByTestId('worklog-start').fill(values.start);
  await form.getByTestId('worklog-end').fill(values.end);
  if (values.comment !== undefined) await form.getByRole('textbox', { name: 'Comment' }).fill(values.comment);
}

describe('the timesheet', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let watched: WatchedPage;
  let host: DevHostPage;
  const timeZone = middayTimeZone();
  // Monday of this week in the browser's zone: always in the past or today, so never "too far in the future".
  const monday = mondayOf(new Date(new Date().toLocaleString('en-US', { timeZone })));

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    watched = await openPage(browser, { timezoneId: timeZone });
    host = new DevHostPage(watched.page, server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds, edits and deletes worklogs, and shows the server refusing an overlap', async () => {
    await host.open('#/hub/time-hub', { user: 'carol' });
    const hub = await host.frame('time-hub');
    await hub.getByTestId('empty-state').waitFor();

    // Add: 09:00–10:30 on #3, Monday.
    await hub.getByRole('menuitem', { name: 'Add time' }).click();
    await fillWorklog(hub, { workItem: '3', day: monday, start: '09:00', end: '10:30', comment: 'Outage SMS research' });
    await hub.getByRole('button', { name: 'Add worklog' }).click();
    const cell = hub.getByTestId(`cell-3-${monday}`);
    await expect.poll(() => cell.textContent()).toBe('1:30');

    // Edit: the cell opens its worklogs; the end moves to 11:00.
    await cell.click();
    const panel = hub.getByTestId('cell-panel');
    await expect.poll(() => panel.getByTestId('worklog').count()).toBe(1);
    await host.screenshotBothThemes('timesheet-cell-panel', 'time-hub');
    await panel.getByRole('button', { name: 'Edit' }).click();
    await fillWorklog(hub, { start: '09:00', end: '11:00' });
    await hub.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => cell.textContent()).toBe('2:00');
    await expect.poll(() => panel.getByTestId('worklog-length').textContent()).toBe('2:00');

    // Overlap: 10:00–10:30 falls inside 09:00–11:00; the form shows the server's message.
    await panel.getByRole('button', { name: 'Add worklog' }).click();
    await fillWorklog(hub, { start: '10:00', end: '10:30' });
    await hub.getByRole('button', { name: 'Add worklog' }).click();
    const refusal = panel.getByTestId('action-error');
    await expect.poll(() => refusal.textContent()).toMatch(/overlap/i);
    await host.screenshotBothThemes('timesheet-overlap-refused', 'time-hub');
    expect(await cell.textContent()).toBe('2:00');
    await panel.getByRole('button', { name: 'Cancel' }).click();

    // Delete: confirm, and the row is gone.
    await panel.getByRole('button', { name: 'Delete' }).click();
    await panel.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => hub.getByTestId('row-3').count()).toBe(0);
    await hub.getByRole('button', { name: 'Close' }).last().click();
    await hub.getByTestId('empty-state').waitFor();

    // Moving by week: last week is empty, this week comes back.
    await hub.getByRole('menuitem', { name: 'Previous week' }).click();
    await expect.poll(() => hub.getByTestId('week-grid').locator('th').nth(1).textContent()).not.toContain(dayNumber(monday));
    await hub.getByRole('menuitem', { name: 'This week' }).click();
    await expect.poll(() => hub.getByTestId('week-grid').locator('th').nth(1).textContent()).toContain(dayNumber(monday));

    expect(unexpectedErrors(watched, [/api\/rest\/workLogs: .* 409 \(Conflict\)/])).toEqual([]);
  });
});

const dayNumber = (day: string) => String(Number(day.slice(8, 10)));
