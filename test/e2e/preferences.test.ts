import { describe, expect, it } from 'vitest';
import { dayLabel, dayRangeLabel, hoursLabel, localDayOf } from '../../extension/src/shared/format.js';
import { addMonths, firstDayOf, lastDayOf, monthOf } from '../../extension/src/time-hub/timesheet/month.js';
import { addDays, weekStartOf } from '../../extension/src/time-hub/timesheet/week.js';
import { APPROVALS_ON } from '../support/approval-world.js';
import { apiAs } from './support/api-as.js';
import { middayTimeZone, unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

/** Preferences as a member sets them in Settings, and the timesheet that follows them. */

const noon = (day: string) => new Date(`${day}T12:00:00`);
const weekday = (day: string) => noon(day).getDay();
/** Chromium's and Node's Intl may space ranges differently (thin or plain spaces). */
const plain = (text: string) => text.replace(/\s/g, ' ');
/** The first day of `month` that falls on `day` (0 = Sunday … 6 = Saturday). */
const firstWeekdayIn = (month: string, day: number) => addDays(firstDayOf(month), (day - weekday(firstDayOf(month)) + 7) % 7);

describe('preferences in the timesheet', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();
  const today = () => localDayOf(new Date(new Date().toLocaleString('en-US', { timeZone: middayTimeZone() })));

  it('decimal_hours_and_a_sunday_week_change_the_timesheet_once_saved', async () => {
    const day = today();
    const api = await apiAs(e2e.server, 'bob');
    expect((await api('POST', '/rest/workLogs', { timestamp: `${day}T09:00:00`, length: 5400, workItemId: 3, timeZone: middayTimeZone() })).status).toBe(201);
    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    const mondayWeek = weekStartOf(noon(day), 1);
    await expect.poll(() => hub.getByTestId(`cell-3-${day}`).textContent()).toBe('1:30');
    expect(await hub.getByTestId('week-grid').locator('thead th').nth(1).textContent()).toMatch(/^Mon/);
    expect(await hub.getByTestId(`cell-3-${mondayWeek}`).count()).toBe(1);

    await hub.getByRole('tab', { name: 'Settings' }).click();
    const form = hub.getByTestId('my-preferences');
    await form.getByTestId('time-format').selectOption('decimal');
    await form.getByTestId('week-start').selectOption({ label: 'Sunday' });
    await e2e.host.screenshotBothThemes('preferences-form', 'time-hub');
    // A target the server refuses is named, and nothing is saved.
    await form.getByTestId('daily-target').fill('30');
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await expect.poll(() => form.getByTestId('action-error').textContent()).toMatch(/dailyTargetHours/);
    expect((await api('GET', '/rest/me/settings')).body.data).toMatchObject({ timeFormat: 'h:mm', dailyTargetHours: 8 });
    await form.getByTestId('daily-target').fill('8');
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await form.getByTestId('preferences-saved').waitFor();
    expect((await api('GET', '/rest/me/settings')).body.data).toMatchObject({ timeFormat: 'decimal', firstDayOfWeek: 0 });

    // Back on the timesheet, without a reload: decimal hours, weeks from Sunday.
    await hub.getByRole('tab', { name: 'Timesheet' }).click();
    const sundayWeek = weekStartOf(noon(day), 0);
    await expect.poll(() => hub.getByTestId(`cell-3-${day}`).textContent()).toBe('1.5');
    expect(await hub.getByTestId('week-total').textContent()).toBe('1.5');
    expect(await hub.getByTestId('week-grid').locator('thead th').nth(1).textContent()).toMatch(/^Sun/);
    expect(await hub.getByTestId(`cell-3-${sundayWeek}`).count()).toBe(1);
    expect(await hub.getByTestId(`cell-3-${addDays(sundayWeek, 7)}`).count()).toBe(0);
    await e2e.host.screenshotBothThemes('preferences-timesheet-decimal-sunday', 'time-hub');

    // The week moves by weeks from Sunday, and the month view starts its weeks on Sunday too.
    await hub.getByRole('menuitem', { name: 'Previous week' }).click();
    const firstHeader = hub.getByTestId('week-grid').locator('thead th').nth(1);
    await expect.poll(() => firstHeader.textContent()).toBe(dayLabel(addDays(sundayWeek, -7), { timeFormat: 'decimal', dateFormat: 'en-US' }));
    await hub.getByRole('menuitem', { name: 'Month' }).click();
    await hub.getByTestId('month-grid').waitFor();
    expect(await hub.getByTestId('month-grid').locator('thead th').first().textContent()).toBe('Sun');
    expect(unexpectedErrors(e2e.watched, [/ 400 /])).toEqual([]);
  });

  it('the_month_view_shows_each_day_against_the_daily_target_and_a_day_opens_its_worklogs', async () => {
    const month = addMonths(monthOf(today()), -1);
    const over = firstWeekdayIn(month, 1);
    const under = addDays(over, 1);
    const api = await apiAs(e2e.server, 'carol');
    for (const [day, length, workItemId] of [[over, 9 * 3600, 3], [under, 3600, 5]] as const) {
      expect((await api('POST', '/rest/workLogs', { timestamp: `${day}T08:00:00`, length, workItemId, timeZone: middayTimeZone() })).status).toBe(201);
    }
    let workdays = 0;
    for (let day = firstDayOf(month); day <= lastDayOf(month); day = addDays(day, 1)) if (weekday(day) >= 1 && weekday(day) <= 5) workdays++;

    await e2e.host.open('#/hub/time-hub', { user: 'carol' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByRole('menuitem', { name: 'Month' }).click();
    await hub.getByRole('menuitem', { name: 'Previous month' }).click();
    await expect.poll(() => hub.getByTestId(`month-logged-${over}`).textContent()).toBe('9:00');
    const grid = hub.getByTestId('month-grid');
    expect(await grid.locator('thead th').first().textContent()).toBe('Mon');
    expect(await hub.getByTestId(`month-day-${over}`).getAttribute('data-standing')).toBe('over');
    expect(await hub.getByTestId(`month-day-${over}`).textContent()).toContain('+1:00');
    expect(await hub.getByTestId(`month-day-${under}`).getAttribute('data-standing')).toBe('under');
    expect(await hub.getByTestId(`month-day-${under}`).textContent()).toContain('−7:00');
    expect(await hub.getByTestId('month-total').textContent()).toBe('10:00');
    expect(await hub.getByTestId('month-target').textContent()).toBe(hoursLabel(workdays * 8 * 3600, { timeFormat: 'h:mm', dateFormat: 'en-US' }));
    expect(await hub.getByTestId('month-difference').textContent()).toBe(`−${workdays * 8 - 10}:00 for the month`);
    await e2e.host.screenshotBothThemes('timesheet-month', 'time-hub');

    await hub.getByTestId(`month-day-${under}`).click();
    const panel = hub.getByTestId('cell-panel');
    await expect.poll(() => panel.getByTestId('worklog').count()).toBe(1);
    expect(await panel.getByTestId('worklog-length').textContent()).toBe('1:00');
    await e2e.host.screenshotBothThemes('timesheet-month-day', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [/ 400 /])).toEqual([]);
  });

  it('a_sunday_week_shows_the_two_approval_weeks_of_the_org_it_straddles_and_submits_the_org_week', async () => {
    const alice = await apiAs(e2e.server, 'alice');
    expect((await alice('PUT', '/settings/approvals', APPROVALS_ON)).status).toBe(200);
    const bob = await apiAs(e2e.server, 'bob');
    await bob('PUT', '/rest/me/settings', { firstDayOfWeek: 0, timeFormat: 'h:mm' });
    const sunday = addDays(weekStartOf(noon(today()), 0), -7);
    const monday = addDays(sunday, 1);
    expect((await bob('POST', '/rest/workLogs', { timestamp: `${sunday}T10:00:00`, length: 1800, workItemId: 4, timeZone: middayTimeZone() })).status).toBe(201);
    expect((await bob('POST', '/rest/workLogs', { timestamp: `${monday}T10:00:00`, length: 3600, workItemId: 4, timeZone: middayTimeZone() })).status).toBe(201);

    await e2e.host.open('#/hub/time-hub', { user: 'bob' });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('week-grid').or(hub.getByTestId('empty-state')).first().waitFor();
    await hub.getByRole('menuitem', { name: 'Previous week' }).click();
    await hub.getByTestId(`cell-4-${sunday}`).waitFor();
    const weeks = hub.getByTestId('week-approval');
    await expect.poll(() => weeks.count()).toBe(2);
    const periods = hub.getByTestId('week-approval-period');
    const en: { timeFormat: 'h:mm'; dateFormat: 'en-US' } = { timeFormat: 'h:mm', dateFormat: 'en-US' };
    expect((await periods.allTextContents()).map(plain)).toEqual([dayRangeLabel(addDays(sunday, -6), sunday, en), dayRangeLabel(monday, addDays(monday, 6), en)].map(plain));

    // Submitting the second submits the org's week from Monday: Monday is locked, Sunday is not.
    await weeks.nth(1).getByRole('button', { name: 'Submit week' }).click();
    await expect.poll(() => weeks.nth(1).getAttribute('data-state')).toBe('submitted');
    expect(await weeks.nth(0).getAttribute('data-state')).toBe('none');
    await expect.poll(() => hub.getByTestId(`cell-4-${monday}`).getAttribute('data-locked')).toContain('withdraw it');
    expect(await hub.getByTestId(`cell-4-${sunday}`).getAttribute('data-locked')).toBeNull();
    const records = (await bob('GET', `/approvals/weeks?from=${sunday}&to=${addDays(sunday, 6)}`)).body.data.weeks as { weekStartDate: string }[];
    expect(records.map((w) => w.weekStartDate)).toEqual([monday]);
    await e2e.host.screenshotBothThemes('preferences-sunday-week-approvals', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [/ 400 /])).toEqual([]);
  });
});
