import { readFileSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { csvRecords } from '../support/export-download.js';
import { apiAs } from './support/api-as.js';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

const HOUR = 3_600_000;
const BOB = findSeedUser('fabrikam', 'bob')!;
const CAROL = findSeedUser('fabrikam', 'carol')!;
const BOBS = 130;
const CAROLS = 6;
let carolsStart = 0;

const rows = (hub: FrameLocator) => hub.locator('.th-worklog-row');
const cells = (hub: FrameLocator, column: string) => hub.getByTestId(`cell-${column}`).allTextContents();

async function choose(hub: FrameLocator, field: string, option: string) {
  await hub.getByRole('button', { name: field, exact: true }).click();
  await hub.getByRole('option').filter({ hasText: new RegExp(`^\\s*${option}\\s*$`) }).click();
}

describe('the Times Explorer', { timeout: 240_000 }, () => {
  const e2e = useDevHostSession();

  /** The explorer afresh (the same address again keeps the page and its filters): reloaded, with no console errors yet. */
  async function openExplorer(user: string) {
    e2e.watched.errors.length = 0;
    await e2e.host.open('#/hub/time-hub/explorer', { user });
    await e2e.watched.page.reload();
    return e2e.host.frame('time-hub');
  }

  /**
   * Bob: 130 manual quarter hours four days ago on #3 and #5, every fourth not billable, and
   * one tracked worklog now. Carol: 6 billable hours on #7 ten days ago, the oldest of all.
   */
  beforeAll(async () => {
    const alice = await apiAs(e2e.server, 'alice');
    const bob = await apiAs(e2e.server, 'bob');
    await apiAs(e2e.server, 'carol');
    const start = Math.floor((Date.now() - 4 * 24 * HOUR) / HOUR) * HOUR;
    const bobs = Array.from({ length: BOBS }, (_, i) => ({
      timestamp: new Date(start + i * 900_000).toISOString(), length: 900, billableLength: i % 4 === 0 ? 0 : 900,
      workItemId: i % 2 ? 3 : 5, activityTypeId: 'testing', comment: `quarter ${i}`,
    }));
    expect((await alice('POST', `/rest/workLogs/batch?userId=${BOB.id}`, bobs)).status).toBe(201);
    carolsStart = start - 6 * 24 * HOUR;
    const carols = Array.from({ length: CAROLS }, (_, i) => ({
      timestamp: new Date(carolsStart + i * HOUR).toISOString(), length: 3600, billableLength: 3600, workItemId: 7, comment: 'Zählerstände prüfen',
    }));
    expect((await alice('POST', `/rest/workLogs/batch?userId=${CAROL.id}`, carols)).status).toBe(201);
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 9 })).status).toBe(200);
    e2e.server.clock.advance(10 * 60_000);
    expect((await bob('POST', '/tracking/client/stopTracking')).status).toBe(200);
  }, 60_000);

  it('pages, sorts, filters and groups everyone\'s worklogs for an Administrator, and exports what it shows', async () => {
    const hub = await openExplorer('alice');

    // The first page only, newest first; the whole filter's total comes from the reports.
    await expect.poll(() => rows(hub).count(), { timeout: 20_000 }).toBe(100);
    expect(await hub.getByTestId('loaded-total').textContent()).toContain('Loaded: 100 worklogs');
    expect(await hub.getByTestId('loaded-total').textContent()).toContain('more to load');
    await expect.poll(() => hub.getByTestId('filter-total').textContent()).toContain(`All matching: ${BOBS + CAROLS + 1} worklogs`);
    expect((await cells(hub, 'workItem'))[0]).toBe('#9 As a dispatcher I can subscribe a region to outage alerts');
    await e2e.host.screenshotBothThemes('times-explorer-grid', 'time-hub');

    // Scrolling to the end loads the next page.
    await hub.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
    await expect.poll(() => rows(hub).count()).toBe(BOBS + CAROLS + 1);
    expect(await hub.getByTestId('loaded-total').textContent()).not.toContain('more to load');

    // Oldest first is the server's order over everything: carol's hours, not loaded before, come first.
    await hub.getByRole('columnheader', { name: /Start/ }).click();
    await expect.poll(async () => (await cells(hub, 'user'))[0]).toBe(CAROL.displayName);
    expect(await rows(hub).count()).toBe(100);

    // Filters narrow the grid: a work item, then a user and whether tracked.
    await hub.getByRole('textbox', { name: 'Work items' }).fill('7');
    await hub.getByRole('textbox', { name: 'Work items' }).press('Enter');
    await expect.poll(() => rows(hub).count()).toBe(CAROLS);
    expect(new Set(await cells(hub, 'user'))).toEqual(new Set([CAROL.displayName]));
    await expect.poll(() => hub.getByTestId('filter-total').textContent()).toContain(`All matching: ${CAROLS} worklogs, 6:00 h`);

    // The export holds the grid's filter, with the caller's session.
    const [download] = await Promise.all([e2e.watched.page.waitForEvent('download'), hub.getByRole('menuitem', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^worklogs-fabrikam-.*\.csv$/);
    const records = csvRecords(readFileSync((await download.path())!));
    expect(records).toHaveLength(CAROLS);
    expect(records.every((r) => r.User === CAROL.displayName && r['Work item'] === '7' && r.Comment === 'Zählerstände prüfen')).toBe(true);

    await hub.getByRole('textbox', { name: 'Work items' }).fill('');
    await hub.getByRole('textbox', { name: 'Work items' }).press('Enter');
    await choose(hub, 'Users', BOB.displayName);
    await e2e.watched.page.keyboard.press('Escape');
    await choose(hub, 'Tracked or manual', 'Tracked');
    await expect.poll(() => rows(hub).count()).toBe(1);
    expect(await cells(hub, 'workItem')).toEqual(['#9 As a dispatcher I can subscribe a region to outage alerts']);
    expect(await hub.getByTestId('filter-total').count(), 'reports cannot tell tracked time').toBe(0);

    // Grouping by work item: subtotals over the loaded rows, labelled so.
    await choose(hub, 'Tracked or manual', 'Manual');
    await expect.poll(() => rows(hub).count()).toBe(100);
    await choose(hub, 'Group by', 'Work item');
    await expect.poll(() => hub.getByTestId('group-label').allTextContents()).toEqual([
      '#3 Outage notifications by SMS', '#5 As a customer I can pick a two-hour installation window',
    ]);
    expect(await hub.getByTestId('group-subtotal').allTextContents()).toEqual([
      '12:30 h, billable 12:30 h · 50 loaded worklogs', '12:30 h, billable 6:15 h · 50 loaded worklogs',
    ]);
    expect(await hub.getByTestId('grouping-note').textContent()).toContain('over the 100 loaded worklogs; load more');
    await e2e.host.screenshotBothThemes('times-explorer-grouped', 'time-hub');

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it('changes the selected worklogs after a preview count, shows a refusal, and changes everything matching', async () => {
    const hub = await openExplorer('alice');
    await hub.getByRole('textbox', { name: 'Work items' }).fill('7');
    await hub.getByRole('textbox', { name: 'Work items' }).press('Enter');
    await expect.poll(() => rows(hub).count(), { timeout: 20_000 }).toBe(CAROLS);
    expect(await cells(hub, 'activityType')).toEqual(Array(CAROLS).fill('[Not Set]'));

    // Two rows selected, their activity type changed.
    await hub.getByRole('checkbox', { name: /Select the worklog/ }).nth(0).click();
    await hub.getByRole('checkbox', { name: /Select the worklog/ }).nth(1).click();
    expect(await hub.getByTestId('selection-count').textContent()).toBe('2 selected');
    await hub.getByRole('menuitem', { name: 'Bulk edit' }).click();
    const panel = hub.getByTestId('bulk-panel');
    await choose(hub, 'New activity type', 'Meeting');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.getByTestId('bulk-preview').textContent()).toBe('This will change 2 worklogs of 1 user.');
    await e2e.host.screenshotBothThemes('times-explorer-bulk-preview', 'time-hub');
    await panel.getByRole('button', { name: 'Change 2 worklogs' }).click();
    await expect.poll(() => panel.getByTestId('bulk-done').textContent(), { timeout: 20_000 }).toBe('Changed 2 worklogs.');
    await expect.poll(async () => (await cells(hub, 'activityType')).filter((t) => t === 'Meeting').length).toBe(2);
    expect(await hub.getByTestId('selection-count').textContent()).toBe('0 selected');

    // A refusal reads as the server words it, and changes nothing.
    await choose(hub, 'Worklogs', 'Everything matching the filter');
    await choose(hub, 'Action', 'Move to another work item');
    await panel.getByRole('textbox', { name: 'New work item' }).fill('99999');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.getByTestId('action-error').textContent()).toContain('work item 99999 does not exist');
    await e2e.host.screenshotBothThemes('times-explorer-bulk-refused', 'time-hub');

    // Everything matching the filter, not only what is loaded or selected.
    await choose(hub, 'Action', 'Make not billable');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.getByTestId('bulk-preview').textContent()).toBe(`This will change ${CAROLS} worklogs of 1 user.`);

    // Someone adds a matching worklog between the preview and the run: refused, nothing changed, preview again.
    const late = { timestamp: new Date(carolsStart + 10 * HOUR).toISOString(), length: 3600, workItemId: 7 };
    expect((await (await apiAs(e2e.server, 'alice'))('POST', `/rest/workLogs/batch?userId=${CAROL.id}`, [late])).status).toBe(201);
    await panel.getByRole('button', { name: `Change ${CAROLS} worklogs` }).click();
    await expect.poll(() => panel.getByTestId('action-error').textContent()).toBe(
      `the preview counted ${CAROLS} worklogs but ${CAROLS + 1} match now (someone changed time meanwhile); preview again.`,
    );
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.getByTestId('bulk-preview').textContent()).toBe(`This will change ${CAROLS + 1} worklogs of 1 user.`);
    await panel.getByRole('button', { name: `Change ${CAROLS + 1} worklogs` }).click();
    await expect.poll(() => panel.getByTestId('bulk-done').textContent(), { timeout: 20_000 }).toBe(`Changed ${CAROLS + 1} worklogs.`);
    await hub.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => cells(hub, 'billableLength')).toEqual(Array(CAROLS + 1).fill('–'));
    await choose(hub, 'Edited', 'Edited');
    await expect.poll(() => rows(hub).count()).toBe(CAROLS + 1);

    expect(unexpectedErrors(e2e.watched, [/bulkActions\/preview: .* 422 /, /bulkActions: .* 409 /])).toEqual([]);
  });

  it('offers a Member their own time only, without bulk actions or a user filter', async () => {
    const hub = await openExplorer('bob');
    await expect.poll(() => rows(hub).count(), { timeout: 20_000 }).toBe(100);
    expect(new Set(await cells(hub, 'user'))).toEqual(new Set([BOB.displayName]));
    expect(await hub.getByRole('menuitem', { name: 'Bulk edit' }).count()).toBe(0);
    expect(await hub.getByRole('checkbox', { name: /Select the worklog/ }).count()).toBe(0);
    expect(await hub.getByTestId('selection-bar').count()).toBe(0);
    expect(await hub.getByRole('button', { name: 'Users', exact: true }).count()).toBe(0);

    // The column chooser is remembered for this user.
    await hub.getByRole('menuitem', { name: 'Columns' }).click();
    await hub.getByTestId('column-chooser').getByRole('checkbox', { name: 'Comment' }).click();
    await hub.getByTestId('column-chooser').getByRole('checkbox', { name: 'Source' }).click();
    await expect.poll(() => hub.getByTestId('cell-comment').count()).toBe(0);
    await e2e.host.screenshotBothThemes('times-explorer-member', 'time-hub');
    await e2e.watched.page.reload();
    const again = await e2e.host.frame('time-hub');
    await expect.poll(() => rows(again).count(), { timeout: 20_000 }).toBe(100);
    expect(await again.getByTestId('cell-comment').count()).toBe(0);
    expect(await again.getByTestId('cell-source').count()).toBe(100);

    // Nothing matching reads as such.
    await again.getByRole('textbox', { name: 'Work items' }).fill('20');
    await again.getByRole('textbox', { name: 'Work items' }).press('Enter');
    await expect.poll(() => again.getByTestId('empty-state').textContent()).toContain('No worklogs match these filters');
    expect(await rows(again).count()).toBe(0);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
