import { describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { forgetAutomationSettings } from '../../shared/automation/automation-settings.js';
import { apiAs } from './support/api-as.js';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

describe('work item automation on the Settings page', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  it('an admin turns it on, time then reaches the work item, and a recompute previews before it applies', async () => {
    forgetAutomationSettings();
    const { host, server } = e2e;
    await host.open('#/hub/time-hub/settings', { user: 'alice' });
    const section = (await host.frame('time-hub')).getByTestId('automation-settings');
    const on = section.getByRole('switch', { name: /Write tracked time back to work items/ });
    await on.waitFor({ timeout: 15_000 });
    expect(await on.getAttribute('aria-checked')).toBe('false');
    await on.click();
    await host.screenshotBothThemes('automation-settings', 'time-hub');
    await section.getByRole('button', { name: 'Save work item automation' }).click();
    await section.getByText('Saved. Time tracked from now on').waitFor();

    const bob = await apiAs(server, 'bob');
    const logged = await bob('POST', '/rest/workLogs', { timestamp: new Date(server.clock.now().getTime() - 86_400_000).toISOString(), length: 5400, workItemId: 10 });
    expect(logged.status).toBe(201);
    await server.worker.runDue();
    const azureDevOps = server.app.ports.directory as LocalDevOpsDirectory;
    expect(await azureDevOps.workItemFields('fabrikam', 10)).toMatchObject({ completedWork: 3.5, remainingWork: 4.5 });

    // Someone types 10 h into Completed Work; the recompute shows it would go back to the worklogs' 1.5 h.
    azureDevOps.updateWorkItem('fabrikam', 10, { completedWork: 10 });
    const recompute = section.getByTestId('recompute');
    await recompute.getByTestId('recompute-work-item').fill('10');
    await recompute.getByRole('button', { name: 'Preview' }).click();
    const preview = recompute.getByTestId('recompute-preview');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').nth(0).locator('td').allTextContents()).toEqual(['Now (revision 3)', '10 h', '4.5 h']);
    expect(await preview.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(['From 1.5 h of worklogs', '1.5 h', '4.5 h']);
    expect(await recompute.getByTestId('recompute-patch').textContent()).toContain('"op": "test"');
    await host.screenshotBothThemes('automation-recompute-preview', 'time-hub');
    await recompute.getByRole('button', { name: 'Apply' }).click();
    await recompute.getByText('Work item 10 is being updated.').waitFor();
    await server.worker.runDue();
    expect(await azureDevOps.workItemFields('fabrikam', 10)).toMatchObject({ rev: 4, completedWork: 1.5, remainingWork: 4.5 });
    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
