import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { changeOrganization } from '../../shared/orgs/org-lifecycle.js';
import type { Document } from '../../shared/ports/document-store.js';
import { TIMER_QUEUE } from '../../shared/tracking/tracker-timer.js';
import { readUserState } from '../../shared/worklogs/user-ledger.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { DAY, MINUTE, SECOND, T0 } from '../support/worklog-builder.js';

const FABRIKAM = findSeedOrganization('fabrikam')!.id;
const UNINSTALLED = 'Timehub was uninstalled';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let bobId: string;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  bobId = (await bob('GET', '/rest/me')).body.data.user.id;
  expect((await alice('PUT', '/settings/tracking', aTrackingPolicy())).status).toBe(200);
  expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 2 })).status).toBe(200);
});
afterEach(() => api.close());

async function passTime(ms: number) {
  api.clock.advance(ms);
  await api.worker.runDue();
}
/** Bob's worklogs straight from the store: requests answer 403 while the org is uninstalled. */
const storedWorklogs = async () =>
  (await api.store.query<Document & { length: number; stopReason: string | null }>('worklogs', { partition: { pk: `${FABRIKAM}:${bobId}` } }))
    .filter((d) => d.type === 'worklog');
const mails = () => { try { return readdirSync(api.outbox).filter((f) => f.endsWith('.eml')); } catch { return []; } };

describe('uninstall with a running tracker', () => {
  it('stops it with the reason and one worklog; a reinstall finds the worklog and nothing running', async () => {
    await passTime(30 * SECOND);
    expect((await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' })).status).toBe(200);
    expect((await readUserState(api.store, FABRIKAM, bobId))?.tracker).toBeNull();
    expect(await storedWorklogs()).toEqual([expect.objectContaining({ length: 30, stopReason: UNINSTALLED, ttl: expect.any(Number) })]);

    await passTime(10 * MINUTE); // the cancelled check timer does not come back
    expect(await storedWorklogs()).toHaveLength(1);
    expect(mails()).toEqual([]);

    api.clock.advance(300 * DAY);
    const back = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await back('GET', '/tracking/client/current')).body.data.tracker).toBeNull();
    expect((await back('GET', '/rest/workLogs')).body.data).toEqual([expect.objectContaining({ length: 30, stopReason: UNINSTALLED })]);
  });

  it('a timer that still fires afterwards writes nothing and mails nothing', async () => {
    const tracker = (await readUserState(api.store, FABRIKAM, bobId))!.tracker!;
    await passTime(20 * SECOND);
    await alice('POST', '/orgs/uninstall', { confirm: 'fabrikam' });
    const before = await readUserState(api.store, FABRIKAM, bobId);
    const body = { orgId: FABRIKAM, userId: bobId, trackerId: tracker.id, at: tracker.scheduled!.at };
    await api.app.ports.queue.send(TIMER_QUEUE, { messageId: 'late-timer', body });
    await passTime(MINUTE + 10 * SECOND);
    await passTime(MINUTE);
    expect((await readUserState(api.store, FABRIKAM, bobId))?._etag).toBe(before?._etag);
    expect(await storedWorklogs()).toHaveLength(1);
    expect(mails()).toEqual([]);
  });

  it('a timer of an uninstalled org stops a tracker the sweep missed, without a check or a notice', async () => {
    await changeOrganization(api.app.ports, FABRIKAM, (org) => ({ ...org, installState: 'uninstalled', uninstalledTimestamp: T0 }));
    await passTime(MINUTE); // the check timer fires
    expect((await readUserState(api.store, FABRIKAM, bobId))?.tracker).toBeNull();
    expect(await storedWorklogs()).toEqual([expect.objectContaining({ length: 60, stopReason: UNINSTALLED })]);
    expect(mails()).toEqual([]);
  });
});
