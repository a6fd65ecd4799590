import { describe, expect, it } from 'vitest';
import { localDayOf } from '../../extension/src/shared/format.js';
import { apiAs } from './support/api-as.js';
import { middayTimeZone, unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

/** Typing a length straight into a timesheet cell, as a member does it. */

/** Another day of the same week: the day before, or after on a Monday. */
function sameWeekNeighbour(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + (date.getUTCDay() === 1 ? 1 : -1));
  return date.toISOString().slice(0, 10);
}

describe('typed time in the timesheet', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();
  const today = () => localDayOf(new Date(new Date().toLocaleString('en-US', { timeZone: middayTimeZone() })));

  it('a_typed_length_edits_the_single_worklog_fills_an_empty_cell_and_bad_text_is_named', async () => {
    const day = today();
    const api = await apiAs(e2e.server, 'carol');
    const seeded = await api('POST', '/rest/workLogs', { timestamp: `${day}T09:00:00`, length: 3600, workItemId: 3, timeZone: middayTimeZone() });
    expect(seeded.status).toBeLessThan(300);
    await e2e.host.open('#/hub/time-hub', { user: 'carol' });
    const hub = await e2e.host.frame('time-hub');
    const cell = hub.getByTestId(`cell-3-${day}`);
    await expect.poll(() => cell.textContent()).toBe('1:00');

    // One worklog in the cell: the typed length becomes its length.
    await cell.focus();
    await cell.press('1');
    const input = hub.getByTestId(`cell-input-3-${day}`);
    expect(await input.inputValue()).toBe('1');
    await input.fill('1:30');
    await e2e.host.screenshotBothThemes('timesheet-typed-cell', 'time-hub');
    await input.press('Enter');
    await expect.poll(() => cell.textContent()).toBe('1:30');
    const mine = await api('GET', '/rest/workLogs');
    expect((mine.body.data as { length: number }[]).map((w) => w.length)).toEqual([5400]);

    // Text that is no length is named, and Escape leaves the cell as it was.
    await cell.press('9');
    await input.fill('9 hours-ish');
    await input.press('Enter');
    await expect.poll(() => hub.getByTestId(`cell-problem-3-${day}`).textContent()).toBe('"9 hours-ish" is not a length. Type 1:30, 1.5 or 90m.');
    await input.press('Escape');
    await expect.poll(() => hub.getByTestId(`cell-problem-3-${day}`).count()).toBe(0);
    expect(await cell.textContent()).toBe('1:30');

    // An empty cell of the same row: a new worklog of that length on that day.
    const other = sameWeekNeighbour(day);
    const empty = hub.getByTestId(`cell-3-${other}`);
    await empty.press('9');
    await hub.getByTestId(`cell-input-3-${other}`).fill('90m');
    await hub.getByTestId(`cell-input-3-${other}`).press('Enter');
    await expect.poll(() => empty.textContent()).toBe('1:30');
    await expect.poll(() => hub.getByTestId('week-total').textContent()).toBe('3:00');

    // A row for another work item, added from the grid, takes typed time too.
    await hub.getByTestId('add-row').fill('6');
    await hub.getByTestId('add-row').press('Enter');
    const added = hub.getByTestId(`cell-6-${day}`);
    await added.press('2');
    await hub.getByTestId(`cell-input-6-${day}`).press('Enter');
    await expect.poll(() => hub.getByTestId('row-total-6').textContent()).toBe('2:00');
    await e2e.host.screenshotBothThemes('timesheet-added-row', 'time-hub');
    expect(unexpectedErrors(e2e.watched, [])).toEqual([]);
  });
});
