import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { forgetAutomationSettings } from '../../shared/automation/automation-settings.js';
import { shareId, type WorkItemShareDoc } from '../../shared/automation/work-item-share.js';
import { sweepOutbox } from '../../shared/automation/work-item-outbox.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { CrashingStore } from '../support/crashing-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { HOUR, MINUTE, SECOND, T0, aWorklog, at } from '../support/worklog-builder.js';

/** Fabrikam's task 10 starts at 2 h completed, 6 h remaining; 12 is a task too, 5 a User Story. */
const TASK = 10;
const ON = { enabled: true, completedWork: 'add', remainingWork: 'subtract', roundingHours: 0, workItemTypes: ['Task', 'Bug'] };
const fabrikamId = findSeedOrganization('fabrikam')!.id;

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let azureDevOps: LocalDevOpsDirectory;

beforeEach(async () => {
  forgetAutomationSettings(); // each test starts a new store with the same seeded orgs
  api = await startTestApi({ clock: new MutableClock(new Date(T0)) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  azureDevOps = api.app.ports.directory as LocalDevOpsDirectory;
});
afterEach(() => api.close());

const fields = async (id = TASK) => azureDevOps.workItemFields('fabrikam', id);
const turnOn = async (settings: object = {}) => expect((await alice('PUT', '/settings/automation', { ...ON, ...settings })).status).toBe(200);
const log = async (length: number, workItemId = TASK, offsetHours = -30) => {
  const reply = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, offsetHours * HOUR), length, workItemId }));
  expect(reply.status).toBe(201);
  return reply.body.data.id as string;
};
const share = (id = TASK) => api.store.read<WorkItemShareDoc>('orgs', fabrikamId, shareId(id));

describe('work item automation: settings', () => {
  it('is off by default, and then a worklog leaves the work item alone', async () => {
    expect((await alice('GET', '/settings/automation')).body.data).toEqual({ ...ON, enabled: false });
    await log(3600);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 1, completedWork: 2, remainingWork: 6 });
  });

  it('takes only the rounding steps and non-empty type lists it offers, and only from Administrators', async () => {
    expect((await alice('PUT', '/settings/automation', { ...ON, roundingHours: 0.3 })).status).toBe(400);
    expect((await alice('PUT', '/settings/automation', { ...ON, workItemTypes: [] })).status).toBe(400);
    expect((await bob('PUT', '/settings/automation', ON)).status).toBe(403);
    expect((await bob('GET', '/settings/automation')).status).toBe(403);
  });
});

describe('work item automation: writing time back', () => {
  it('adds a new worklog to Completed Work and takes it off Remaining Work; an edit and a delete move only the difference', async () => {
    await turnOn();
    const id = await log(90 * 60);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 2, completedWork: 3.5, remainingWork: 4.5 });
    expect((await bob('PATCH', `/rest/workLogs/${id}`, { length: 3600 })).status).toBe(200);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 3, completedWork: 3, remainingWork: 5 });
    expect((await bob('DELETE', `/rest/workLogs/${id}`)).status).toBeLessThan(300);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 4, completedWork: 2, remainingWork: 6 });
  });

  it('keeps a value someone typed by hand: only the delta is added to it', async () => {
    await turnOn();
    await log(3600);
    await api.worker.runDue();
    azureDevOps.updateWorkItem('fabrikam', TASK, { completedWork: 10, remainingWork: 1 });
    await log(2 * 3600, TASK, -20);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ completedWork: 12, remainingWork: 0 });
  });

  it('re-reads and writes again when someone edits the item between the read and the patch (412)', async () => {
    await turnOn();
    const realUpdate = azureDevOps.updateWorkItemFields.bind(azureDevOps);
    let edits = 0;
    azureDevOps.updateWorkItemFields = async (org, id, rev, changes) => {
      if (edits++ === 0) azureDevOps.updateWorkItem(org, id, { completedWork: 5 }); // a person saves first
      return realUpdate(org, id, rev, changes);
    };
    await log(3600);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 3, completedWork: 6, remainingWork: 5 });
  });

  it('waits out a 429 for the Retry-After Azure DevOps gives, then writes once', async () => {
    await turnOn();
    azureDevOps.throttleWorkItemCalls(30);
    await log(3600);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 1, completedWork: 2 });
    api.clock.advance(29 * SECOND);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 1, completedWork: 2 });
    api.clock.advance(SECOND);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 2, completedWork: 3, remainingWork: 5 });
    expect(await api.app.ports.queue.deadLetters('work-item-updates')).toEqual([]);
  });

  it('treats a deleted work item as done, with a note, and no dead letter', async () => {
    await turnOn();
    await log(3600, 12);
    azureDevOps.deleteWorkItem('fabrikam', 12);
    await api.worker.runDue();
    expect((await share(12))?.note).toMatch(/work item 12 was deleted/);
    expect(await api.app.ports.queue.deadLetters('work-item-updates')).toEqual([]);
  });

  it('leaves work item types it was not told to write to, and Remaining Work when told to do nothing with it', async () => {
    await turnOn({ remainingWork: 'none' });
    await log(3600, 5);
    await log(3600, TASK, -20);
    await api.worker.runDue();
    expect(await fields(5)).toMatchObject({ rev: 1 });
    expect(await fields()).toMatchObject({ completedWork: 3, remainingWork: 6 });
  });

  it('rounds the total it writes to the chosen step', async () => {
    await turnOn({ roundingHours: 0.25 });
    await log(20 * 60);
    await log(20 * 60, TASK, -20);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ completedWork: 2.75, remainingWork: 5.25 });
  });
});

describe('work item automation: nothing lost, nothing twice', () => {
  it("writes its outbox record in the worklog's own single-partition batch: one create more when on, none when off", async () => {
    const clock = new MutableClock(new Date(T0));
    const store = new CrashingStore(new SqliteDocumentStore(':memory:', clock));
    const own = await startTestApi({ clock, store });
    try {
      const [ownAlice, ownBob] = [client(own, await own.signIn('fabrikam', 'alice')), client(own, await own.signIn('fabrikam', 'bob'))];
      expect((await ownBob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -30 * HOUR), length: 600, workItemId: TASK }))).status).toBe(201);
      const off = store.batches.at(-1)!;
      expect((await ownAlice('PUT', '/settings/automation', ON)).status).toBe(200);
      expect((await ownBob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -20 * HOUR), length: 600, workItemId: TASK }))).status).toBe(201);
      expect(store.batches.at(-1)).toBe(off + 1);
    } finally {
      await own.close();
    }
  });

  it('a change whose send a crash cut off is in the outbox, and the sweep sends it', async () => {
    await turnOn();
    const queue = api.app.ports.queue;
    const send = queue.send.bind(queue);
    queue.send = async () => {
      throw new Error('the process died');
    };
    await log(3600);
    queue.send = send;
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 1, completedWork: 2 });
    expect(await sweepOutbox(api.app.ports)).toBe(1);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 2, completedWork: 3 });
    expect(await sweepOutbox(api.app.ports)).toBe(0);
  });

  it('an update that landed but whose answer was lost is recognised, at once or after a crash, and never written twice', async () => {
    await turnOn();
    const realUpdate = azureDevOps.updateWorkItemFields.bind(azureDevOps);
    const realRevision = azureDevOps.workItemRevision.bind(azureDevOps);
    azureDevOps.updateWorkItemFields = async (...args) => {
      await realUpdate(...args);
      throw new Error('connection reset after the patch was sent');
    };
    await log(3600);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 2, completedWork: 3, remainingWork: 5 });
    // Now the process dies before it can look: the lock stays until it is older than the queue's lock.
    azureDevOps.workItemRevision = async () => {
      throw new Error('the process died');
    };
    await log(3600, TASK, -20);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 3, completedWork: 4 });
    expect((await share())?.inFlight).toMatchObject({ rev: 2 });
    azureDevOps.updateWorkItemFields = realUpdate;
    azureDevOps.workItemRevision = realRevision;
    await log(1800, TASK, -10);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 3, completedWork: 4 });
    api.clock.advance(5 * MINUTE);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 4, completedWork: 4.5, remainingWork: 3.5 });
    expect((await share())?.inFlight).toBeNull();
    expect(await api.app.ports.queue.deadLetters('work-item-updates')).toEqual([]);
  });

  it('dead-letters after the retries, shows it to admins, and a retry from there applies it once', async () => {
    await turnOn();
    const realUpdate = azureDevOps.updateWorkItemFields.bind(azureDevOps);
    azureDevOps.updateWorkItemFields = async () => {
      throw new Error('Azure DevOps answered 500');
    };
    await log(3600);
    for (let i = 0; i < 12; i++) {
      await api.worker.runDue();
      api.clock.advance(6 * MINUTE);
    }
    alice = client(api, await api.signIn('fabrikam', 'alice')); // the session of an hour ago has expired
    bob = client(api, await api.signIn('fabrikam', 'bob'));
    const letters = (await alice('GET', '/admin/deadLetters?queue=work-item-updates')).body.data as { messageId: string }[];
    expect(letters).toHaveLength(1);
    azureDevOps.updateWorkItemFields = realUpdate;
    expect((await bob('POST', '/admin/deadLetters/retry', { queue: 'work-item-updates', messageId: letters[0]!.messageId })).status).toBe(403);
    expect((await alice('POST', '/admin/deadLetters/retry', { queue: 'work-item-updates', messageId: 'not-ours' })).status).toBe(404);
    expect((await alice('POST', '/admin/deadLetters/retry', { queue: 'work-item-updates', messageId: letters[0]!.messageId })).status).toBe(200);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ completedWork: 3, remainingWork: 5 });
    expect((await alice('GET', '/admin/deadLetters?queue=work-item-updates')).body.data).toEqual([]);
  });
});

describe('work item automation: recompute one work item', () => {
  it('previews the current value, the value from the worklogs and the patch, then applies it', async () => {
    await log(3600);
    await log(1800, TASK, -20);
    const preview = await alice('GET', `/admin/workItems/recompute?workItemId=${TASK}`);
    expect(preview.body.data).toEqual({
      workItemId: TASK, trackedSeconds: 5400,
      current: { rev: 1, completedWork: 2, remainingWork: 6 },
      computed: { completedWork: 1.5, remainingWork: 4.5 },
      patch: [
        { op: 'test', path: '/rev', value: 1 },
        { op: 'add', path: '/fields/Microsoft.VSTS.Scheduling.CompletedWork', value: 1.5 },
        { op: 'add', path: '/fields/Microsoft.VSTS.Scheduling.RemainingWork', value: 4.5 },
      ],
    });
    expect(await fields()).toMatchObject({ rev: 1 });
    expect((await alice('POST', '/admin/workItems/recompute', { workItemId: TASK })).status).toBe(409);
    await turnOn();
    expect((await alice('POST', '/admin/workItems/recompute', { workItemId: TASK })).body.data).toMatchObject({ queued: true });
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ rev: 2, completedWork: 1.5, remainingWork: 4.5 });
    await log(3600, TASK, -10);
    await api.worker.runDue();
    expect(await fields()).toMatchObject({ completedWork: 2.5, remainingWork: 3.5 });
    expect((await alice('GET', '/admin/workItems/recompute?workItemId=999')).status).toBe(404);
  });
});
