import { describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { unexpectedErrors } from './support/browser.js';
import { useDevHostSession } from './support/dev-host-session.js';

const FABRIKAM = findSeedOrganization('fabrikam')!.id;

describe('undelivered notices on the Settings page', { timeout: 180_000 }, () => {
  const e2e = useDevHostSession();

  /** Delivers the queue's due messages until the message is given up on (5-minute steps cover every backoff). */
  async function deadLetter(messageId: string, body: unknown) {
    const { app, clock, worker } = e2e.server;
    await app.ports.queue.send('email-notices', { messageId, body });
    for (let step = 0; step < 20; step++) {
      await worker.runDue();
      if ((await app.ports.queue.deadLetters()).some((l) => l.messageId === messageId)) return;
      clock.advance(5 * 60_000);
    }
    throw new Error(`${messageId} was not dead-lettered`);
  }

  it('shows admins what was given up on, and members nothing of it', async () => {
    await e2e.host.open('#/hub/time-hub/settings', { user: 'alice' });
    let section = (await e2e.host.frame('time-hub')).getByTestId('dead-letters');
    await section.getByTestId('empty-state').waitFor({ timeout: 15_000 });
    expect(await section.textContent()).toContain('Nothing undelivered');

    // A notice whose body the handler cannot read fails on every delivery until it is dead-lettered.
    await deadLetter('notice:bad-body', { orgId: FABRIKAM, userId: 'user-x', worklogId: 42 });
    await e2e.watched.page.reload();
    section = (await e2e.host.frame('time-hub')).getByTestId('dead-letters');
    const row = section.getByTestId('dead-letter');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-queue')).toBe('email-notices');
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('email-notices');
    expect(cells[2]).toBe('10');
    expect(cells[3]).not.toBe('');
    expect(cells.slice(4)).toEqual(['42', 'user-x', 'Retry']);
    expect(await section.getByTestId('empty-state').count()).toBe(0);

    // Retry puts it back on its queue: the list is empty until it fails ten times again.
    await row.getByRole('button', { name: 'Retry notice:bad-body' }).click();
    await section.getByTestId('empty-state').waitFor({ timeout: 15_000 });
    expect(await e2e.server.app.ports.queue.deadLetters()).toEqual([]);

    await e2e.host.open('#/hub/time-hub/settings', { user: 'bob' });
    const memberHub = await e2e.host.frame('time-hub');
    await memberHub.getByTestId('api-tokens').waitFor({ timeout: 15_000 });
    expect(await memberHub.getByTestId('dead-letters').count()).toBe(0);

    expect(unexpectedErrors(e2e.watched)).toEqual([]);
  });
});
