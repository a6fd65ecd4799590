import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { forgetAutomationSettings } from '../../shared/automation/automation-settings.js';
import type { OutgoingMessage, QueueName } from '../../shared/ports/message-queue.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { HOUR, MINUTE, T0, aWorklog, at } from '../support/worklog-builder.js';

/**
 * Whatever happens between a worklog change and the work item (redelivered messages, failed
 * and throttled calls, answers lost after the patch landed, people typing into Completed
 * Work), once the queue is drained each task shows its starting value plus the sum of its
 * worklogs plus what people typed, and Remaining Work its starting value minus the worklogs,
 * never below 0.
 */
const TASKS = [10, 12] as const;
const item = fc.constantFrom(...TASKS);
const length = fc.integer({ min: 1, max: 60 }).map((m) => m * 60 + 7);
const command = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), item, length }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), item, length }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('failNext' as const), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('throttle' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant('loseAnswer' as const) }),
  fc.record({ kind: fc.constant('handEdit' as const), item, hours: fc.integer({ min: 0, max: 12 }).map((q) => q / 4) }),
  fc.record({ kind: fc.constant('process' as const), minutes: fc.integer({ min: 0, max: 6 }) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function run(commands: Command[]) {
  forgetAutomationSettings();
  api = await startTestApi({ clock: new MutableClock(new Date(T0)) });
  const a = api;
  const devops = a.app.ports.directory as LocalDevOpsDirectory;
  const sent: OutgoingMessage[] = [];
  const send = a.app.ports.queue.send.bind(a.app.ports.queue);
  a.app.ports.queue.send = async (queue: QueueName, message: OutgoingMessage) => {
    if (queue === 'work-item-updates') sent.push(message);
    return send(queue, message);
  };
  // What the item holds, read as a person looking at it (not through Timehub's throttled identity).
  const peek = (id: number) => devops.workItemsOf('fabrikam')!.fields(id)!;
  const realUpdate = devops.updateWorkItemFields.bind(devops);
  let failures = 0;
  let loseNext = false;
  devops.updateWorkItemFields = async (...args) => {
    if (failures > 0) {
      failures -= 1;
      throw new Error('Azure DevOps answered 503');
    }
    const result = await realUpdate(...args);
    if (loseNext && result.outcome === 'updated') {
      loseNext = false;
      throw new Error('connection reset after the patch landed');
    }
    return result;
  };
  const start = new Map(TASKS.map((id) => [id, peek(id)] as const));
  const typed = new Map<number, number>(TASKS.map((id) => [id, 0]));
  const admin = client(a, await a.signIn('fabrikam', 'alice'));
  const settings = { enabled: true, completedWork: 'add', remainingWork: 'subtract', roundingHours: 0, workItemTypes: ['Task'] };
  expect((await admin('PUT', '/settings/automation', settings)).status).toBe(200);
  let bob = client(a, await a.signIn('fabrikam', 'bob'));
  const worklogs: { id: string; slot: number }[] = [];
  let slots = 0;

  for (const c of commands) {
    if (c.kind === 'create') {
      const slot = slots++;
      const reply = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -(slot + 2) * 2 * HOUR), length: c.length, workItemId: c.item }));
      expect(reply.status).toBe(201);
      worklogs.push({ id: reply.body.data.id as string, slot });
    } else if (c.kind === 'edit' && worklogs.length > 0) {
      const { id } = worklogs[c.pick % worklogs.length]!;
      expect((await bob('PATCH', `/rest/workLogs/${id}`, { length: c.length, workItemId: c.item })).status).toBe(200);
    } else if (c.kind === 'delete' && worklogs.length > 0) {
      const [gone] = worklogs.splice(c.pick % worklogs.length, 1);
      expect((await bob('DELETE', `/rest/workLogs/${gone!.id}`)).status).toBeLessThan(300);
    } else if (c.kind === 'redeliver' && sent.length > 0) {
      const again = sent[c.pick % sent.length]!;
      await send('work-item-updates', { messageId: `${again.messageId}:again:${sent.length}`, body: again.body });
    } else if (c.kind === 'failNext') failures = c.times;
    else if (c.kind === 'throttle') devops.throttleWorkItemCalls(c.seconds);
    else if (c.kind === 'loseAnswer') loseNext = true;
    else if (c.kind === 'handEdit') {
      const now = peek(c.item);
      devops.updateWorkItem('fabrikam', c.item, { completedWork: (now.completedWork ?? 0) + c.hours });
      typed.set(c.item, typed.get(c.item)! + c.hours);
    } else if (c.kind === 'process') {
      a.clock.advance(c.minutes * MINUTE);
      await a.worker.runDue();
      bob = client(a, await a.signIn('fabrikam', 'bob')); // sessions last an hour
    }
  }
  failures = 0;
  loseNext = false;
  for (let round = 0; round < 12; round++) {
    await a.worker.runDue();
    a.clock.advance(6 * MINUTE);
  }

  const listed = await client(a, await a.signIn('fabrikam', 'bob'))('GET', `/rest/workLogs?$fromTimestamp=${at(T0, -2000 * HOUR)}&$count=500`);
  const logged = listed.body.data as { workItemId: number; length: number }[];
  expect(await a.app.ports.queue.deadLetters('work-item-updates')).toEqual([]);
  for (const id of TASKS) {
    const hours = logged.filter((w) => w.workItemId === id).reduce((sum, w) => sum + w.length, 0) / 3600;
    const now = peek(id);
    expect(now.completedWork).toBeCloseTo(start.get(id)!.completedWork! + typed.get(id)! + hours, 5);
    expect(now.remainingWork).toBeCloseTo(Math.max(0, start.get(id)!.remainingWork! - hours), 5);
  }
}

describe('work item automation, property', () => {
  it('any sequence of creates, edits, deletes, redeliveries, retries and hand edits leaves Completed Work = start + typed + worklogs, Remaining Work = max(0, start - worklogs)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      try {
        await run(commands);
      } finally {
        await api?.close();
        api = undefined;
      }
    }), { numRuns: 40 });
  }, 240_000);
});
