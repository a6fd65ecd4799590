import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unexpectedErrors } from './support/browser.js';
import { apiAs, type ApiCall } from './support/api-as.js';
import { useDevHostSession } from './support/dev-host-session.js';

const HOUR = 3600;
/** A row of the budget tree, by its work item. */
const row = (hub: FrameLocator, workItemId: number) => hub.locator(`[data-testid="budget-row"][data-work-item-id="${workItemId}"]`);

describe('budgets in the Time hub and on the work item', { timeout: 240_000 }, () => {
  const e2e = useDevHostSession();

  /** Bob logs time on a day of last month, one worklog after the other. */
  let nextHour = 8;
  async function bobLogs(bob: ApiCall, workItemId: number, seconds: number) {
    const timestamp = `2026-10-05T${String(nextHour).padStart(2, '0')}:00:00`;
    nextHour += Math.ceil(seconds / HOUR);
    const answer = await bob('POST', '/rest/workLogs', { timestamp, timeZone: 'Etc/UTC', length: seconds, workItemId, comment: `on #${workItemId}` });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }

  /** Who the page is signed in as: another user gets a fresh browser session, as in real life. */
  let signedIn: string | undefined;
  async function signIn(user: string) {
    if (signedIn === user) return;
    if (signedIn !== undefined) {
      expect(unexpectedErrors(e2e.watched)).toEqual([]);
      await e2e.renew();
    }
    signedIn = user;
  }

  async function openBudgets(user: string) {
    await signIn(user);
    await e2e.host.open('#/hub/time-hub/budgets', { user });
    // The same address as before only moves the hash: load the page again.
    await e2e.watched.page.reload();
    const hub = await e2e.host.frame('time-hub');
    await hub.getByTestId('budget-tree').or(hub.getByTestId('empty-state')).first().waitFor();
    return hub;
  }

  it('a budget manager puts budgets on an epic and a backlog item, sees tracked time move the bars, over budget in red, and drills down to the worklogs', async () => {
    const alice = await apiAs(e2e.server, 'alice');
    const bob = await apiAs(e2e.server, 'bob');

    // No budgets yet; Alice (an Administrator) creates one on epic #1, found by words of its title.
    let hub = await openBudgets('alice');
    await hub.getByTestId('empty-state').waitFor();
    await hub.getByRole('menuitem', { name: 'New budget' }).click();
    const form = hub.getByTestId('budget-form');
    await form.getByRole('textbox', { name: 'Work item' }).fill('self-service');
    await form.getByRole('button', { name: 'Epic #1 Fiber customer self-service portal' }).click();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Portal');
    await form.getByRole('textbox', { name: 'Planned hours', exact: true }).fill('10');
    await form.getByRole('textbox', { name: 'Billable hours (optional)' }).fill('6');
    await e2e.host.screenshotBothThemes('budgets-new-budget', 'time-hub');
    await form.getByRole('button', { name: 'Create budget' }).click();
    await row(hub, 1).getByTestId('budget').waitFor();
    expect(await row(hub, 1).getByTestId('budget-tracked').textContent()).toBe('0:00 of 10:00 h');
    expect(await hub.getByTestId('budget-thresholds').textContent()).toContain('80 % and 100 %');

    // A budget on backlog item #5 from its row (under feature #2, opened); the tree shows it nested, its tasks inheriting it.
    expect(await row(hub, 5).count()).toBe(0);
    await row(hub, 2).getByRole('button', { name: 'Expand #2' }).click();
    await row(hub, 5).getByRole('button', { name: 'Add budget' }).click();
    expect(await hub.getByTestId('picked-work-item').textContent()).toContain('User Story #5');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Booking window');
    await form.getByRole('textbox', { name: 'Planned hours', exact: true }).fill('2');
    await form.getByRole('button', { name: 'Create budget' }).click();
    await row(hub, 5).getByTestId('budget').waitFor();
    expect(await row(hub, 10).getAttribute('data-source')).toBe('inherited');
    expect(await row(hub, 10).textContent()).toContain('in “Booking window”');

    // Bob tracks 1.5 h under #5 and 1 h on #3: each bar moves by its own items' time.
    await bobLogs(bob, 10, 1.5 * HOUR);
    await bobLogs(bob, 3, HOUR);
    hub = await openBudgets('alice');
    await expect.poll(() => row(hub, 5).getByTestId('budget-bar').getAttribute('data-used')).toBe('75');
    expect(await row(hub, 1).getByTestId('budget-tracked').textContent()).toBe('1:00 of 10:00 h');
    expect(await row(hub, 1).getByTestId('tracked-total').textContent()).toBe('2:30');
    expect(await row(hub, 5).getByTestId('budget-bar').getAttribute('data-state')).toBe('ok');

    // One more hour under #5: 125 % of its budget, in red, half an hour over.
    await bobLogs(bob, 12, HOUR);
    hub = await openBudgets('alice');
    const bar = row(hub, 5).getByTestId('budget-bar');
    await expect.poll(() => bar.getAttribute('data-used')).toBe('125');
    expect(await bar.getAttribute('data-state')).toBe('over');
    expect(await bar.getByTestId('budget-remaining').textContent()).toBe('over by 0:30 h');
    expect(await bar.locator('.th-budget-fill').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(205, 74, 69)');
    await e2e.host.screenshotBothThemes('budgets-tree', 'time-hub');

    // The drill-down lists the worklogs of #5 and below, and not those of #3.
    await row(hub, 5).getByRole('button', { name: 'Worklogs' }).click();
    const worklogs = hub.getByTestId('budget-worklogs');
    await expect.poll(() => worklogs.getByTestId('budget-worklog').count()).toBe(2);
    const text = await worklogs.textContent();
    expect(text).toContain('Bob Brandt');
    expect(text).toContain('#12 Build the calendar picker component');
    expect(text).not.toContain('#3 ');
    await e2e.host.screenshotBothThemes('budgets-drill-down', 'time-hub');

    // Raising #5's budget to 4 h brings it back under.
    await row(hub, 5).getByRole('button', { name: 'Edit' }).click();
    expect(await hub.getByTestId('budget-form').textContent()).toContain('Budget on User Story #5 As a customer');
    await hub.getByTestId('budget-form').getByRole('textbox', { name: 'Planned hours', exact: true }).fill('4');
    await hub.getByTestId('budget-form').getByRole('button', { name: 'Save budget' }).click();
    await expect.poll(() => row(hub, 5).getByTestId('budget-bar').getAttribute('data-used')).toBe('62.5');

    // Bob (a Member) reads the budgets over the items he tracked, and changes none.
    hub = await openBudgets('bob');
    await row(hub, 5).getByTestId('budget').waitFor();
    expect(await hub.getByRole('menuitem', { name: 'New budget' }).count()).toBe(0);
    expect(await row(hub, 5).getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await alice('GET', '/rest/budgets').then((answer) => answer.body.data.length)).toBe(2);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });

  it("the work item tab shows the budget the item inherits and the one above it", async () => {
    await signIn('bob');
    await e2e.host.open('#/boards/10', { user: 'bob' });
    await e2e.watched.page.getByTestId('tab-work-item-tab').click();
    const tab = await e2e.host.frame('work-item-tab');
    const budgets = tab.getByTestId('work-item-budget');
    await expect.poll(() => budgets.count()).toBe(2);
    expect(await budgets.nth(0).getAttribute('data-source')).toBe('inherited');
    expect(await budgets.nth(0).getByTestId('budget-source').textContent()).toBe('Inherited from User Story #5 As a customer I can pick a two-hour installation window');
    expect(await budgets.nth(0).getByTestId('budget-tracked').textContent()).toBe('2:30 of 4:00 h');
    expect(await budgets.nth(1).getAttribute('data-source')).toBe('above');
    expect(await budgets.nth(1).getByTestId('budget-source').textContent()).toBe('Above it, on Epic #1 Fiber customer self-service portal');
    await tab.getByTestId('work-item-budgets').scrollIntoViewIfNeeded();
    await e2e.host.screenshotBothThemes('work-item-tab-budgets', 'work-item-tab');

    // Carol tracked nothing on #10: the tab shows her no budget, and asks for none it would be refused.
    await signIn('carol');
    await e2e.host.open('#/boards/10', { user: 'carol' });
    await e2e.watched.page.getByTestId('tab-work-item-tab').click();
    const hers = await e2e.host.frame('work-item-tab');
    await hers.getByTestId('work-item-total').waitFor();
    await expect.poll(() => hers.getByTestId('loading').count()).toBe(0);
    expect(await hers.getByTestId('work-item-budgets').count()).toBe(0);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
