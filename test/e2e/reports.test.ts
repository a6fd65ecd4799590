import { readFileSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';
import { readZip } from './support/read-zip.js';

/**
 * The Reports tab over four worklogs in October 2026 (UTC days):
 *   Bob   Oct 5  2:00 Development, billable 2:00 · Oct 6  1:30 Meeting
 *   Carol Oct 5  3:00 Development, billable 1:00 · Oct 20 0:45 Meeting
 * Bob 3:30, Carol 3:45, everyone 7:15 (billable 3:00), four worklogs.
 */
const OCTOBER = 'from=2026-10-01&to=2026-10-31';
const ALICES_ID = findSeedUser('fabrikam', 'alice')!.id;

describe('the Reports tab', { timeout: 240_000 }, () => {
  const e2e = useDevHostSession();

  const signIn = async (user: string) => {
    const tokens = await (await fetch(`${e2e.server.url}/_devhost/tokens`, { method: 'POST', body: JSON.stringify({ org: 'fabrikam', user }) })).json() as object;
    const session = await fetch(`${e2e.server.url}/api/session`, { method: 'POST', body: JSON.stringify({ organization: 'fabrikam', ...tokens }) });
    return ((await session.json()) as { data: { token: string; user: { id: string } } }).data;
  };
  const seed = async () => {
    const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
    const add = async (userId: string, timestamp: string, hours: number, billableHours: number, activityTypeId: string, workItemId: number) => {
      const res = await fetch(`${e2e.server.url}/api/rest/workLogs?userId=${userId}`, {
        method: 'POST', headers: { authorization: `Bearer ${alice.token}` },
        body: JSON.stringify({ timestamp, length: hours * 3600, billableLength: billableHours * 3600, activityTypeId, workItemId, timeZone: 'UTC' }),
      });
      if (res.status !== 201) throw new Error(`seeding failed: ${await res.text()}`);
    };
    await add(bob.user.id, '2026-10-05T09:00:00Z', 2, 2, 'development', 1);
    await add(bob.user.id, '2026-10-06T09:00:00Z', 1.5, 0, 'meeting', 2);
    await add(carol.user.id, '2026-10-05T13:00:00Z', 3, 1, 'development', 1);
    await add(carol.user.id, '2026-10-20T10:00:00Z', 0.75, 0, 'meeting', 3);
  };
  const openReports = async (params: string, user = 'alice'): Promise<FrameLocator> => {
    await e2e.host.open(`#/hub/time-hub/reports?${params}`, { user });
    const hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('reports-page').waitFor();
    return hub;
  };
  const cellTexts = async (hub: FrameLocator, testId: string) =>
    (await hub.getByTestId(testId).first().locator('td').allTextContents()).map((t) => t.trim());

  it('shows grouped totals with names, subtotals and a stacked chart, in both themes', async () => {
    await seed();
    const hub = await openReports(`${OCTOBER}&groupBy=user,activityType`);
    const table = hub.getByTestId('report-table');
    await table.waitFor({ timeout: 15_000 });

    expect(await hub.getByTestId('report-group').count()).toBe(2);
    expect(await hub.getByTestId('report-subtotal').allTextContents()).toEqual(['Subtotal Bob Brandt3:302:002', 'Subtotal Carol Castillo3:451:002']);
    expect(await cellTexts(hub, 'report-total')).toEqual(['Total', '', '7:15', '3:00', '4']);
    expect(await cellTexts(hub, 'report-row')).toEqual(['Bob Brandt', 'Development', '2:00', '2:00', '1']);

    // A bar per day of October; Oct 5 holds both users, Oct 6 and Oct 20 one each.
    const chart = hub.getByTestId('report-chart');
    await chart.waitFor();
    expect(await chart.getByTestId('chart-bar').count()).toBe(31);
    expect(await chart.getByTestId('chart-segment').count()).toBe(4);
    expect(await chart.locator('[data-period="2026-10-05"] [data-testid="chart-segment"]').count()).toBe(2);
    expect(await chart.getByTestId('chart-legend-item').allTextContents()).toEqual(['Carol Castillo', 'Bob Brandt']);
    expect(await chart.locator('[data-period="2026-10-05"] title').allTextContents()).toEqual(['Carol Castillo · Mon, Oct 5: 3:00', 'Bob Brandt · Mon, Oct 5: 2:00']);
    await e2e.host.screenshotBothThemes('time-hub-reports', 'time-hub');
    await table.scrollIntoViewIfNeeded();
    await e2e.host.screenshotBothThemes('time-hub-reports-table', 'time-hub');

    // Stacked by activity type, per week: Development and Meeting, five weeks touching October.
    await hub.getByRole('button', { name: 'Stacked by' }).click();
    await hub.getByRole('option', { name: 'Activity type' }).click();
    await hub.getByRole('button', { name: 'Time per' }).click();
    await hub.getByRole('option', { name: 'Week' }).click();
    await expect.poll(() => chart.getByTestId('chart-legend-item').allTextContents()).toEqual(['Development', 'Meeting']);
    expect(await chart.getByTestId('chart-bar').count()).toBe(5);
    expect(await chart.locator('[data-period="2026-10-05"]').getAttribute('data-seconds')).toBe(String(6.5 * 3600));
    await e2e.host.screenshotBothThemes('time-hub-reports-weekly-chart', 'time-hub');
    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it('saves a view whose link reopens the same report', async () => {
    const hub = await openReports(`${OCTOBER}&groupBy=user,activityType`);
    await hub.getByTestId('report-table').waitFor({ timeout: 15_000 });

    // Group by user only, billable time only: the hub's URL follows the form.
    await hub.getByRole('button', { name: 'Then by' }).click();
    await hub.getByRole('option', { name: '—' }).click();
    await hub.getByRole('button', { name: 'Billable' }).click();
    await hub.getByRole('option', { name: 'Billable only', exact: true }).click();
    await hub.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => hub.getByTestId('report-row').count()).toBe(2);
    expect(await cellTexts(hub, 'report-total')).toEqual(['Total', '5:00', '3:00', '2']);
    expect(decodeURIComponent(e2e.watched.page.url())).toContain(`#/hub/time-hub/reports?${OCTOBER}&groupBy=user&billable=true`);

    await hub.getByRole('textbox', { name: 'View name' }).fill('October, billable by user');
    await hub.getByRole('button', { name: 'Save view' }).click();
    const link = hub.locator('[data-testid="saved-view"][data-view-name="October, billable by user"] a');
    await expect.poll(() => link.getAttribute('href')).toContain('#/hub/time-hub#reports?');
    const href = (await link.getAttribute('href'))!;

    // Somewhere else first, then the saved link: the same report, from the server's copy of the view.
    await openReports('from=2026-09-01&to=2026-09-30&groupBy=day');
    await e2e.watched.page.goto(href);
    const reopened = await e2e.host.frame('time-hub');
    await expect.poll(() => reopened.getByTestId('report-row').count(), { timeout: 15_000 }).toBe(2);
    expect(await cellTexts(reopened, 'report-total')).toEqual(['Total', '5:00', '3:00', '2']);
    expect(await reopened.getByTestId('report-from').inputValue()).toBe('2026-10-01');
    expect(await reopened.getByTestId('saved-view').count()).toBe(1);
    await e2e.host.screenshotBothThemes('time-hub-reports-saved-view', 'time-hub');
  });

  it('filters by a user picked in the form, and names work items by their titles and types, in the table and the chart', async () => {
    const hub = await openReports(`${OCTOBER}&groupBy=workItem`);
    await expect.poll(() => hub.getByTestId('report-row').allTextContents(), { timeout: 15_000 }).toEqual([
      '#1 Fiber customer self-service portalEpic5:003:002', '#2 Online service appointment bookingFeature1:300:001', '#3 Outage notifications by SMSFeature0:450:001',
    ]);
    // The chart stacked by work item names them as the table does.
    const chart = hub.getByTestId('report-chart');
    await hub.getByRole('button', { name: 'Stacked by' }).click();
    await hub.getByRole('option', { name: 'Work item' }).click();
    await expect.poll(() => chart.getByTestId('chart-legend-item').allTextContents()).toEqual([
      '#1 Fiber customer self-service portalEpic', '#2 Online service appointment bookingFeature', '#3 Outage notifications by SMSFeature',
    ]);

    await hub.getByRole('button', { name: 'Users' }).click();
    await hub.getByRole('option', { name: 'Carol Castillo' }).click();
    await e2e.watched.page.keyboard.press('Escape');
    await hub.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => hub.getByTestId('report-row').count()).toBe(2);
    expect(await cellTexts(hub, 'report-total')).toEqual(['Total', '3:45', '1:00', '2']);
    expect(e2e.watched.page.url()).toContain('&users=5531371c-661c-4713-8cfa-4245d0610c3f');
  });

  it('shows a Member their own time only, without the people filters', async () => {
    const hub = await openReports(`${OCTOBER}&groupBy=user`, 'bob');
    await expect.poll(() => hub.getByTestId('report-row').allTextContents(), { timeout: 15_000 }).toEqual(['Bob Brandt3:302:002']);
    expect(await hub.getByRole('button', { name: 'Users' }).count()).toBe(0);
    expect(await hub.getByRole('button', { name: 'Activity types' }).count()).toBe(1);

    // A link naming someone else's time: the server's refusal, in its words.
    const refused = await openReports(`${OCTOBER}&groupBy=user&users=${ALICES_ID}`, 'bob');
    await expect.poll(() => refused.getByTestId('error-card').first().textContent(), { timeout: 15_000 }).toMatch(/^No access: /);
    expect(await refused.getByTestId('report-table').count()).toBe(0);
  });

  it('shows an empty report as such', async () => {
    const hub = await openReports('from=2026-09-01&to=2026-09-30&groupBy=user');
    await expect.poll(() => hub.getByTestId('empty-state').count(), { timeout: 15_000 }).toBe(2);
    expect(await hub.getByTestId('report-table').count()).toBe(0);
    await e2e.host.screenshotBothThemes('time-hub-reports-empty', 'time-hub');

    // A link the report cannot read (its range ends before it starts) says so, and shows this month's.
    const unreadable = await openReports('from=2026-10-31&to=2026-10-01&groupBy=user');
    await expect.poll(() => unreadable.getByText('The report in this link could not be read').count(), { timeout: 15_000 }).toBe(1);
  });

  it('downloads the report shown as CSV and XLSX, with names and hours', async () => {
    const hub = await openReports(`${OCTOBER}&groupBy=user`);
    await hub.getByTestId('report-table').waitFor({ timeout: 15_000 });

    const [csv] = await Promise.all([e2e.watched.page.waitForEvent('download'), hub.getByRole('menuitem', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split(/\r?\n/).filter(Boolean)).toEqual(['\uFEFFUser,Hours,Billable hours,Worklogs', 'Bob Brandt,3.5,2,2', 'Carol Castillo,3.75,1,2']);

    const [xlsx] = await Promise.all([e2e.watched.page.waitForEvent('download'), hub.getByRole('menuitem', { name: 'Export XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const entries = readZip(await xlsx.path());
    const strings = [...entries].filter(([name]) => name.startsWith('xl/')).map(([, data]) => data.toString('utf8')).join('\n');
    expect(strings).toContain('Carol Castillo');
    expect(strings).toContain('<v>3.75</v>');
  });
});
