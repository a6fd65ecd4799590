import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedOrganization, findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import type { Caller } from '../../shared/identity/caller.js';
import { createApiToken } from '../../shared/identity/api-tokens.js';
import { assignRole } from '../../shared/roles/role-assignments.js';
import { addDays, mondayOf } from '../../extension/src/time-hub/timesheet/week.js';
import { launchBrowser, middayTimeZone, openPage, unexpectedErrors, type WatchedPage } from './support/browser.js';
import { DevHostPage } from './support/dev-host-page.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

const org = findSeedOrganization('fabrikam')!;
const person = (name: string) => {
  const seeded = findSeedUser('fabrikam', name)!;
  return { id: seeded.id, name: seeded.displayName, uniqueName: seeded.uniqueName };
};
const alice: Caller = { orgId: org.id, orgName: org.name, user: person('alice'), roles: ['admin'], access: { role: 'administrator', teams: [], billingAdmin: true } };

describe('time approvals in the Time hub', { timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let watched: WatchedPage;
  let host: DevHostPage;
  const timeZone = middayTimeZone();
  // Last week in the browser's zone: always started, so it can be submitted.
  const lastMonday = addDays(mondayOf(new Date(new Date().toLocaleString('en-US', { timeZone }))), -7);

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

  /** Everyone signs in once (the org records them); bob leads team red, carol is in it; carol logged 2 h last Monday; alice turns approvals on. */
  async function arrange() {
    for (const user of ['alice', 'bob', 'carol']) {
      await host.open('#/hub/time-hub', { user });
      await (await host.frame('time-hub')).getByTestId('week-grid').or((await host.frame('time-hub')).getByTestId('empty-state')).first().waitFor();
    }
    const { ports } = server.app;
    await assignRole(ports, alice, { userId: person('bob').id, role: 'teamLead', teams: ['red'] });
    await assignRole(ports, alice, { userId: person('carol').id, role: 'member', teams: ['red'] });
    const carol: Caller = { orgId: org.id, orgName: org.name, user: person('carol'), roles: [] };
    const { token } = await createApiToken(ports, carol, { name: 'e2e', expiresInDays: 1 });
    const res = await fetch(`${server.url}/api/rest/workLogs`, {
      method: 'POST', headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ timestamp: `${lastMonday}T09:00:00`, timeZone, length: 7200, workItemId: 3, comment: 'Outage SMS research' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    server.clock.advance(10_000); // past the access cache's few seconds: the new roles apply

    // Alice turns approvals on in Settings.
    await host.open('#/hub/time-hub/settings', { user: 'alice' });
    const settings = (await host.frame('time-hub')).getByTestId('approval-settings');
    const on = settings.getByRole('switch', { name: /Members submit their weeks/ });
    await on.waitFor();
    await on.click();
    await settings.getByTestId('reminder-day').selectOption({ label: 'No reminders' });
    await host.screenshotBothThemes('approvals-settings', 'time-hub');
    await settings.getByRole('button', { name: 'Save approval settings' }).click();
    await settings.getByText('Saved.').waitFor();
    expect(await server.app.ports.store.read('orgs', org.id, 'approvalSettings')).toMatchObject({ enabled: true, firstDayOfWeek: 1, reminderDay: null });
  }

  async function carolsLastWeek() {
    await host.open('#/hub/time-hub', { user: 'carol' });
    const hub = await host.frame('time-hub');
    await hub.getByTestId('week-grid').or(hub.getByTestId('empty-state')).first().waitFor();
    await hub.getByRole('menuitem', { name: 'Previous week' }).click();
    await hub.getByTestId(`cell-3-${lastMonday}`).waitFor();
    return hub;
  }

  it('a member submits a week, her Team lead approves it and she sees it locked; reopened with a reason, she sees the reason', async () => {
    await arrange();

    // Carol submits last week to bob.
    let hub = await carolsLastWeek();
    const approval = hub.getByTestId('week-approval');
    await expect.poll(() => approval.getAttribute('data-state')).toBe('none');
    await approval.getByTestId('approver-select').selectOption({ label: 'Bob Brandt' });
    await approval.getByRole('button', { name: 'Submit week' }).click();
    await expect.poll(() => approval.getAttribute('data-state')).toBe('submitted');
    expect(await hub.getByTestId('week-state-detail').textContent()).toContain('Submitted for approval to Bob Brandt');
    await expect.poll(() => hub.getByTestId(`cell-3-${lastMonday}`).getAttribute('data-locked')).toContain('withdraw it');
    await host.screenshotBothThemes('approvals-week-submitted', 'time-hub');

    // Bob approves it from his Approvals tab, after a look at the worklogs.
    await host.open('#/hub/time-hub/approvals', { user: 'bob' });
    hub = await host.frame('time-hub');
    const row = hub.getByTestId('queued-week');
    await row.waitFor();
    expect(await row.getAttribute('data-user')).toBe('Carol Castillo');
    expect(await hub.getByTestId('queued-total').textContent()).toBe('2:00');
    await row.getByRole('button', { name: 'Worklogs' }).click();
    await expect.poll(() => hub.getByTestId('week-worklogs').textContent()).toContain('Outage SMS research');
    await host.screenshotBothThemes('approvals-queue', 'time-hub');
    await row.getByRole('checkbox').check();
    await hub.getByRole('button', { name: 'Approve selected' }).click();
    await hub.getByText('1 week approved').waitFor();
    await hub.getByTestId('empty-state').waitFor();

    // Carol sees the week approved and its cells locked; the cell's panel says why and offers no edit.
    hub = await carolsLastWeek();
    await expect.poll(() => hub.getByTestId('week-approval').getAttribute('data-state')).toBe('approved');
    const cell = hub.getByTestId(`cell-3-${lastMonday}`);
    expect(await cell.getAttribute('data-locked')).toContain('Approved by Bob Brandt');
    await cell.click();
    await expect.poll(() => hub.getByTestId('cell-locked').textContent()).toContain('This week is locked. Approved by Bob Brandt');
    expect(await hub.getByTestId('cell-panel').getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await hub.getByTestId('cell-panel').getByRole('button', { name: 'Add worklog' }).count()).toBe(0);
    await host.screenshotBothThemes('approvals-week-approved-locked', 'time-hub');

    // Bob reopens it with a reason.
    await host.open('#/hub/time-hub/approvals', { user: 'bob' });
    hub = await host.frame('time-hub');
    await hub.getByTestId('approvals-showing').selectOption('approved');
    const approvedRow = hub.getByTestId('queued-week');
    await approvedRow.waitFor();
    await approvedRow.getByRole('checkbox').check();
    await hub.getByRole('textbox', { name: 'Decision comment' }).fill('Wednesday is missing');
    await hub.getByRole('button', { name: 'Reopen selected' }).click();
    await hub.getByText('1 week reopened').waitFor();

    // Carol sees the reason, and her cells are open again.
    hub = await carolsLastWeek();
    await expect.poll(() => hub.getByTestId('week-approval').getAttribute('data-state')).toBe('reopened');
    expect(await hub.getByTestId('week-state-detail').textContent()).toBe('by Bob Brandt: Wednesday is missing');
    expect(await hub.getByTestId(`cell-3-${lastMonday}`).getAttribute('data-locked')).toBeNull();
    await host.screenshotBothThemes('approvals-week-reopened', 'time-hub');

    expect(unexpectedErrors(watched)).toEqual([]);
  });
});
