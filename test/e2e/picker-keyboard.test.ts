import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { localDayOf } from '../../extension/src/shared/format.js';
import { apiAs } from './support/api-as.js';
import { middayTimeZone, unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

/** Issue 14: a manager picks whose timesheet they see; the keyboard tracks and moves weeks; date and time fields look like the host's. */

async function pickPerson(hub: FrameLocator, name: string) {
  await hub.getByRole('button', { name: 'Timesheet of', exact: true }).click();
  const escaped = name.replace(/[()]/g, '\\$&');
  await hub.getByRole('option').filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) }).click();
}

describe('the person picker, the keyboard and the date and time fields', { timeout: 240_000 }, () => {
  const e2e = useDevHostSession();
  beforeEach(() => {
    e2e.watched.errors.length = 0;
  });
  const today = () => localDayOf(new Date(new Date().toLocaleString('en-US', { timeZone: middayTimeZone() })));

  it('a_product_manager_reads_bobs_week_read_only_and_an_administrator_changes_it', async () => {
    const day = today();
    const [alice, bob, carol] = [await apiAs(e2e.server, 'alice'), await apiAs(e2e.server, 'bob'), await apiAs(e2e.server, 'carol')];
    expect((await bob('POST', '/rest/workLogs', { timestamp: `${day}T08:00:00`, length: 3600, workItemId: 3, timeZone: middayTimeZone() })).status).toBe(201);
    const carolId = (await carol('GET', '/rest/me')).body.data.user.id as string;
    expect((await alice('POST', '/rest/users/roles', { userId: carolId, role: 'productManager' })).status).toBe(200);

    // A product manager reads everyone's time and changes nobody's.
    await e2e.host.open('#/hub/time-hub', { user: 'carol' });
    let hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('person-picker').waitFor();
    await pickPerson(hub, 'Bob Brandt');
    await expect.poll(() => hub.getByTestId(`cell-3-${day}`).textContent()).toBe('1:00');
    expect(await hub.getByText('Timesheet of Bob Brandt').count()).toBe(1);
    expect(await hub.getByTestId('read-only').textContent()).toContain("You are viewing Bob Brandt's time read only");
    expect(await hub.getByTestId(`cell-3-${day}`).getAttribute('data-locked')).toContain('read only');
    expect(await hub.getByTestId('add-row').count(), 'no rows to add to a read-only week').toBe(0);
    await hub.getByTestId(`cell-3-${day}`).press('2');
    expect(await hub.getByTestId(`cell-input-3-${day}`).count(), 'typing changes nothing').toBe(0);
    await e2e.host.screenshotBothThemes('person-picker-read-only', 'time-hub');

    // An Administrator types into bob's week: the worklog is bob's.
    await e2e.host.open('#/hub/time-hub', { user: 'alice' });
    hub = await e2e.host.frame('time-hub');
    await pickPerson(hub, 'Bob Brandt');
    const cell = hub.getByTestId(`cell-3-${day}`);
    await expect.poll(() => cell.textContent()).toBe('1:00');
    expect(await hub.getByTestId('read-only').count()).toBe(0);
    await cell.press('2');
    await hub.getByTestId(`cell-input-3-${day}`).press('Enter');
    await expect.poll(() => cell.textContent()).toBe('2:00');
    const bobs = (await bob('GET', '/rest/workLogs')).body.data as { length: number; addedByUser: { name: string } }[];
    expect(bobs.map((w) => w.length)).toEqual([7200]);
    // Back to one's own week: alice logged nothing.
    await pickPerson(hub, 'Alice Anders (you)');
    await expect.poll(() => hub.getByTestId('week-total').textContent()).toBe('0:00');

    // A Member gets no picker at all.
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('week-grid').waitFor();
    expect(await hub.getByTestId('person-picker').count()).toBe(0);
    expect(unexpectedErrors(e2e.watched, [])).toEqual([]);
  });

  it('t_starts_and_stops_tracking_and_brackets_and_h_move_between_weeks_inside_the_frame', async () => {
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    const page = e2e.host.page;
    const label = hub.getByTestId('week-label');
    await label.waitFor();
    const thisWeek = await label.textContent();
    expect(await hub.getByTestId('shortcut-help').textContent()).toBe('Keys: t start or stop tracking · [ previous week · ] next week · h this week');
    // The buttons name their keys in their tooltips.
    await hub.getByRole('menuitem', { name: 'Previous week' }).hover();
    await expect.poll(() => hub.getByText('Previous week ([)').count()).toBe(1);

    // Keys reach the extension's frame once it has focus, as a person's click or Tab gives it.
    await label.click();
    await page.keyboard.press('[');
    await expect.poll(() => label.textContent()).not.toBe(thisWeek);
    const lastWeek = await label.textContent();
    await page.keyboard.press('[');
    await expect.poll(() => label.textContent()).not.toBe(lastWeek);
    await page.keyboard.press(']');
    await expect.poll(() => label.textContent()).toBe(lastWeek);
    await page.keyboard.press('h');
    await expect.poll(() => label.textContent()).toBe(thisWeek);

    // t with no work item goes to the field; typed, t (outside the field) starts; t again stops.
    await page.keyboard.press('t');
    const workItem = hub.getByTestId('tracker-idle').getByRole('textbox', { name: 'Work item', exact: true });
    await expect.poll(() => workItem.evaluate((el) => el === document.activeElement)).toBe(true);
    await workItem.fill('5');
    await page.keyboard.press('Tab');
    expect(await workItem.evaluate((el) => el === document.activeElement)).toBe(false);
    await label.click();
    await page.keyboard.press('t');
    await hub.getByTestId('tracker-running').waitFor();
    expect(await hub.getByTestId('tracker-running').getAttribute('data-work-item-id')).toBe('5');
    // Typing a "t" into a field is text, not a shortcut.
    await hub.getByTestId('add-row').fill('');
    await hub.getByTestId('add-row').press('t');
    expect(await hub.getByTestId('tracker-running').count()).toBe(1);
    expect(await hub.getByTestId('add-row').inputValue()).toBe('t');
    await hub.getByTestId('add-row').fill('');
    await label.click();
    await page.keyboard.press('t');
    await hub.getByTestId('tracker-idle').waitFor();
    await e2e.host.screenshotBothThemes('timesheet-keyboard-help', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [])).toEqual([]);
  });

  it('date_and_time_fields_are_host_text_fields_with_a_keyboard_calendar_in_both_themes', async () => {
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByRole('menuitem', { name: 'Add time' }).click();
    const form = hub.getByTestId('worklog-form').last();
    const dayField = form.getByTestId('worklog-day');
    await dayField.waitFor();
    expect(await hub.locator('input[type="date"], input[type="time"], input[type="file"]:not([hidden])').count(), 'no browser-drawn date, time or file inputs').toBe(0);
    // Drawn as the host draws its text fields, as tall as the work item field beside them.
    const shellOf = (testId: string) => form.getByTestId(testId).locator('xpath=..');
    expect(await shellOf('worklog-day').getAttribute('class')).toContain('bolt-textfield');
    expect(await shellOf('worklog-start').getAttribute('class')).toContain('bolt-textfield');
    const heights = await Promise.all([shellOf('worklog-day'), shellOf('worklog-start'), form.locator('.bolt-textfield').first()].map(async (l) => (await l.boundingBox())?.height));
    expect(new Set(heights).size, `heights ${heights.join(', ')}`).toBe(1);

    // Typed leniently, written one way; arrows step.
    const start = form.getByTestId('worklog-start');
    await start.fill('9:30 pm');
    await start.press('Tab');
    expect(await start.inputValue()).toBe('21:30');
    await start.press('ArrowUp');
    expect(await start.inputValue()).toBe('21:45');
    await dayField.fill('2026-03-31');
    await dayField.press('ArrowDown');
    expect(await dayField.inputValue()).toBe('2026-03-30');

    // The calendar opens from the keyboard, arrows move, Enter picks.
    await dayField.press('Alt+ArrowDown');
    const calendar = hub.getByTestId('calendar');
    await calendar.waitFor();
    expect(await hub.getByTestId('calendar-month').textContent()).toMatch(/March 2026/);
    await e2e.host.screenshotBothThemes('date-field-calendar', 'time-hub');
    await expect.poll(() => calendar.evaluate((grid) => grid.contains(document.activeElement))).toBe(true);
    await page(e2e).keyboard.press('ArrowRight');
    await page(e2e).keyboard.press('ArrowDown');
    await page(e2e).keyboard.press('Enter');
    await expect.poll(() => calendar.count()).toBe(0);
    expect(await dayField.inputValue()).toBe('2026-04-07');
    await start.fill('25:00');
    expect(await shellOf('worklog-start').getAttribute('class')).toContain('bolt-textfield-error');
    await e2e.host.screenshotBothThemes('date-time-fields', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [])).toEqual([]);
  });
  it('the_times_explorer_narrows_by_approval_state', async () => {
    const [alice, bob] = [await apiAs(e2e.server, 'alice'), await apiAs(e2e.server, 'bob')];
    const lastMonday = localDayOf(new Date(Date.now() - ((new Date().getDay() + 6) % 7 + 7) * 86_400_000));
    expect((await bob('POST', '/rest/workLogs', { timestamp: `${lastMonday}T10:00:00`, length: 1800, workItemId: 4, comment: 'approved time', timeZone: middayTimeZone() })).status).toBe(201);
    const settings = (await alice('GET', '/settings/approvals')).body.data as object;
    expect((await alice('PUT', '/settings/approvals', { ...settings, enabled: true })).status).toBe(200);
    const approvers = (await bob('GET', '/approvals/approvers')).body.data as { id: string }[];
    expect((await bob('POST', '/approvals/submit', { weekStart: lastMonday, assignedManagerId: approvers[0]!.id })).status).toBe(200);
    const bobId = (await bob('GET', '/rest/me')).body.data.user.id as string;
    expect((await alice('POST', '/approvals/approve', { userId: bobId, weekStart: lastMonday })).status).toBe(200);

    await e2e.host.open('#/hub/time-hub', { user: 'alice' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByRole('tab', { name: 'Times Explorer' }).click();
    const rows = hub.locator('.th-worklog-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await hub.getByRole('button', { name: 'Approval', exact: true }).click();
    await hub.getByRole('option').filter({ hasText: /^\s*Approved\s*$/ }).click();
    await e2e.host.page.keyboard.press('Escape');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('approved time');
    await e2e.host.screenshotBothThemes('times-explorer-approval-filter', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [])).toEqual([]);
  });
});

const page = (session: { host: { page: Page } }) => session.host.page;
