import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { checkBudgetThresholds } from '../../shared/budgets/budget-thresholds.js';
import { workItemCache } from '../../shared/work-items/work-item-cache.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type Actor, type RoleWorld } from '../support/role-world.js';
import { HOUR, MINUTE, T0, aWorklog, at } from '../support/worklog-builder.js';

/**
 * Budgets over fabrikam's seeded hierarchy: Epic 1 > Features 2, 3, 4 > backlog items
 * (5 under 2, 9 under 3, 8 under 4) > tasks (10 under 5, 13 under 9, 15 under 8).
 */
let api: TestApi;
let world: RoleWorld;
type Call = RoleWorld['bob'];
const utc = { timeZone: 'UTC' };
let minutes = 0;
/** A worklog at a time nobody used yet. */
const log = async (call: Call, workItemId: number, length: number, path = '/rest/workLogs') => {
  const res = await call('POST', path, aWorklog({ ...utc, timestamp: at(T0, -(++minutes) * 2 * HOUR), length, billableLength: length / 2, workItemId }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};
const ok = async (call: Call, method: string, path: string, body?: unknown) => {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};
const status = (call: Call, workItemId: number) => ok(call, 'GET', `/rest/budgets/status?workItemId=${workItemId}`);
const manager = () => world.actors.budgetManager;

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
});
afterAll(() => api.close());

describe('budget inheritance over a four-level tree', () => {
  let epicBudget: string;
  let storyBudget: string;

  beforeAll(async () => {
    epicBudget = (await ok(manager(), 'POST', '/rest/budgets', { workItemId: 1, name: 'Portal', planned: 10 * 3600 })).id;
    storyBudget = (await ok(manager(), 'POST', '/rest/budgets', { workItemId: 5, name: 'Booking window', planned: 2 * 3600, plannedBillable: 3600 })).id;
    await log(world.bob, 10, 3600); // task under the story: the story's budget
    await log(world.bob, 13, 1800); // task under feature 3: the epic's
    await log(world.alice, 15, 3600, `/rest/workLogs?userId=${world.carolId}`); // carol, under feature 4: the epic's
    await log(world.bob, 1, 900); // the epic itself
  });

  it("reports each item's budget source: direct, inherited from the parent, or none", async () => {
    const data = await status(world.alice, 1);
    const source = (id: number) => data.items.find((item: { id: number }) => item.id === id);
    expect(source(1)).toMatchObject({ budgetSource: 'direct', budgetId: epicBudget, type: 'Epic' });
    expect(source(2)).toMatchObject({ budgetSource: 'inherited', budgetId: epicBudget });
    expect(source(5)).toMatchObject({ budgetSource: 'direct', budgetId: storyBudget });
    expect(source(10)).toMatchObject({ budgetSource: 'inherited', budgetId: storyBudget, title: 'Design the appointment slot API' });
    expect(source(13)).toMatchObject({ budgetSource: 'inherited', budgetId: epicBudget });
    expect(data.items).toHaveLength(20);
    expect((await status(world.alice, 21)).items[0]).toMatchObject({ id: 21, budgetSource: 'none', budgetId: null });
  });

  it('counts the time of an item and its descendants against the nearest budget only', async () => {
    const data = await status(world.alice, 1);
    const budget = (id: string) => data.budgets.find((b: { id: string }) => b.id === id);
    expect(budget(epicBudget).status).toEqual({ tracked: 6300, billableTracked: 3150, remaining: 36000 - 6300, usedPercent: 17.5 });
    expect(budget(storyBudget).status).toEqual({ tracked: 3600, billableTracked: 1800, remaining: 3600, usedPercent: 50 });
    expect(data.items[0]).toMatchObject({ id: 1, trackedItself: 900, trackedTotal: 9900, trackedTotalBillable: 4950 });
  });

  it('names the budget above a subtree without one of its own', async () => {
    const data = await status(world.alice, 10);
    expect(data.items).toEqual([expect.objectContaining({ id: 10, budgetSource: 'inherited', budgetId: storyBudget, trackedItself: 3600 })]);
    expect(data.inheritedFrom).toEqual({ id: storyBudget, workItemId: 5, name: 'Booking window' });
    expect(data.budgets).toEqual([]);
  });

  it("lists the root's ancestors, nearest first, each with its budget's id", async () => {
    const data = await status(world.alice, 10);
    expect(data.ancestors).toEqual([
      { id: 5, title: 'As a customer I can pick a two-hour installation window', type: 'User Story', budgetId: storyBudget },
      { id: 2, title: 'Online service appointment booking', type: 'Feature', budgetId: null },
      { id: 1, title: 'Fiber customer self-service portal', type: 'Epic', budgetId: epicBudget },
    ]);
  });

  it('is fresh as of the last write, and falls to the budget above when one is removed', async () => {
    await log(world.carol, 12, 1800);
    expect((await ok(world.alice, 'GET', `/rest/budgets/${storyBudget}`)).status.tracked).toBe(5400);
    await ok(manager(), 'DELETE', `/rest/budgets/${storyBudget}`);
    expect((await ok(world.alice, 'GET', `/rest/budgets/${epicBudget}`)).status.tracked).toBe(6300 + 5400);
    expect((await status(world.alice, 10)).inheritedFrom).toMatchObject({ id: epicBudget });
    storyBudget = (await ok(manager(), 'POST', '/rest/budgets', { workItemId: 5, name: 'Booking window', planned: 2 * 3600 })).id;
  });

  it('moves time between budgets when a work item moves to another parent, at the next refresh', async () => {
    const directory = api.app.ports.directory as LocalDevOpsDirectory;
    const other = (await ok(manager(), 'POST', '/rest/budgets', { workItemId: 21, name: 'Field app', planned: 3600 })).id;
    const tracked = async (id: string) => (await ok(world.alice, 'GET', `/rest/budgets/${id}`)).status.tracked;
    const before = await tracked(epicBudget);
    directory.updateWorkItem('fabrikam', 9, { parentId: 22 }); // story 9 (task 13 below it) goes to the field app epic
    expect(await tracked(epicBudget)).toBe(before);
    api.clock.advance(6 * MINUTE);
    await status(world.alice, 1);
    await status(world.alice, 21);
    await workItemCache(api.app.ports).idle();
    expect(await tracked(epicBudget)).toBe(before - 1800);
    expect(await tracked(other)).toBe(1800);
    directory.updateWorkItem('fabrikam', 9, { parentId: 3 });
    api.clock.advance(6 * MINUTE);
    await status(world.alice, 21);
    await workItemCache(api.app.ports).idle();
    expect(await tracked(epicBudget)).toBe(before);
  });

  it('answers every top budget with its whole tree in one request, each tree as its status answers', async () => {
    const trees = await ok(world.alice, 'GET', '/rest/budgets/trees');
    // The story's budget lies under the epic's: it shows inside the epic's tree, not as a tree of its own.
    expect(trees.map((tree: { workItemId: number }) => tree.workItemId).sort()).toEqual([1, 21]);
    for (const tree of trees) expect(tree).toEqual(await status(world.alice, tree.workItemId));
    expect(trees.find((tree: { workItemId: number }) => tree.workItemId === 1).budgets.map((b: { id: string }) => b.id).sort()).toEqual([epicBudget, storyBudget].sort());
  });

  it('lists each budget with the status a read of that budget alone answers, nested budgets walked with their parent', async () => {
    const listed = await ok(world.alice, 'GET', '/rest/budgets');
    expect(listed.map((b: { workItemId: number }) => b.workItemId).sort((a: number, b: number) => a - b)).toEqual([1, 5, 21]);
    for (const view of listed) expect(view).toEqual(await ok(world.alice, 'GET', `/rest/budgets/${view.id}`));
  });

  it("never shows another org's budgets among the trees", async () => {
    const contoso = client(api, await api.signIn('contoso', 'alice'));
    const theirs = (await ok(contoso, 'POST', '/rest/budgets', { workItemId: 1, name: 'Contoso redesign', planned: 3600 })).id;
    const ids = (trees: { budgets: { id: string }[] }[]) => trees.flatMap((tree) => tree.budgets.map((b) => b.id));
    expect(ids(await ok(world.alice, 'GET', '/rest/budgets/trees'))).not.toContain(theirs);
    expect(ids(await ok(contoso, 'GET', '/rest/budgets/trees'))).toEqual([theirs]);
  });

  it('refuses a second budget on a work item, and one on a work item that does not exist', async () => {
    expect((await manager()('POST', '/rest/budgets', { workItemId: 1, name: 'Again', planned: 60 })).status).toBe(409);
    const missing = await manager()('POST', '/rest/budgets', { workItemId: 999, name: 'Nothing', planned: 60 });
    expect([missing.status, missing.body.error?.code]).toEqual([422, 'budget.unknown_work_item']);
  });
});

describe('who may do what with budgets', () => {
  let budgetId: string;
  beforeAll(async () => {
    budgetId = (await ok(manager(), 'POST', '/rest/budgets', { workItemId: 4, name: 'Sign-in', planned: 3600 })).id;
  });

  const writers: [Actor, number][] = [
    ['administrator', 200], ['collectionAdmin', 200], ['budgetManager', 200],
    ['productManager', 403], ['teamLead', 403], ['member', 403], ['none', 403],
  ];
  it.each(writers)('%s changing a budget: %i', async (actor, expected) => {
    expect((await world.actors[actor]('PATCH', `/rest/budgets/${budgetId}`, { comment: `by ${actor}` })).status).toBe(expected);
  });

  const readers: [Actor, number][] = [['productManager', 200], ['teamLead', 200], ['budgetManager', 200], ['administrator', 200], ['none', 403]];
  it.each(readers)('%s reading any budget: %i', async (actor, expected) => {
    expect((await world.actors[actor]('GET', `/rest/budgets/${budgetId}`)).status).toBe(expected);
    expect((await world.actors[actor]('GET', '/rest/budgets/status?workItemId=4')).status).toBe(expected);
    expect((await world.actors[actor]('GET', '/rest/budgets/trees')).status).toBe(expected);
  });

  it('shows a Member only the budgets of work items they tracked', async () => {
    const mine = await ok(world.bob, 'GET', '/rest/budgets');
    expect(mine.map((b: { workItemId: number }) => b.workItemId).sort()).toEqual([1, 5]);
    for (const view of mine) expect(view).toEqual(await ok(world.bob, 'GET', `/rest/budgets/${view.id}`));
    expect((await world.bob('GET', `/rest/budgets/${budgetId}`)).status).toBe(403);
    expect((await world.bob('GET', '/rest/budgets/status?workItemId=4')).status).toBe(403);
    expect((await world.bob('GET', '/rest/budgets/status?workItemId=5')).status).toBe(200);
    // Bob tracked under the epic and its story, never under the field app: one tree, the epic's.
    expect((await ok(world.bob, 'GET', '/rest/budgets/trees')).map((tree: { workItemId: number }) => tree.workItemId)).toEqual([1]);
    const all = await ok(world.actors.productManager, 'GET', '/rest/budgets');
    expect(all.length).toBeGreaterThan(mine.length);
  });
});

describe('threshold notices', () => {
  /** The notices mailed about a budget, as "threshold@planned" for each, sorted. */
  const noticesOf = (budgetId: string) =>
    readdirSync(api.outbox).flatMap((file) => {
      const notice = new RegExp(`^budget-notice-${budgetId}-(\\d+)-(\\d+)-(.+)\\.eml$`).exec(file);
      return notice ? [`${notice[1]}@${notice[2]} to ${notice[3]}`] : [];
    }).sort();
  let offline = '';
  const orgId = () => findSeedOrganization('fabrikam')!.id;
  const runChecks = async () => {
    api.clock.advance(MINUTE);
    await api.worker.runDue();
    await api.worker.runDue();
  };

  it('sends one notice per threshold crossed, to the budget managers, under concurrent writes', async () => {
    const budget = await ok(manager(), 'POST', '/rest/budgets', { workItemId: 23, name: 'Offline orders', planned: 3600 });
    offline = budget.id;
    await Promise.all([world.bob, world.carol, world.actors.teamLead, world.actors.productManager].map((call) => log(call, 24, 13 * 60)));
    await runChecks();
    await Promise.all([1, 2, 3].map(() => checkBudgetThresholds(api.app.ports, orgId())));
    await runChecks();
    expect(noticesOf(budget.id)).toEqual(['80@3600 to role-4']);
    await Promise.all([world.bob, world.carol].map((call) => log(call, 25, 10 * 60)));
    await runChecks();
    await log(world.bob, 25, 60);
    await runChecks();
    expect(noticesOf(budget.id)).toEqual(['100@3600 to role-4', '80@3600 to role-4']);
    const mail = readFileSync(`${api.outbox}/${readdirSync(api.outbox).find((file) => file.startsWith(`budget-notice-${budget.id}-100`))}`, 'utf8');
    expect(mail).toContain('role4@fabrikam.example');
    expect(mail).toContain('Offline orders');
    expect(mail.replace(/=\r?\n/g, '')).toContain('on work item #23 As a technician I can close a work order without signal has reached 100%');
    expect((await ok(world.alice, 'GET', `/rest/budgets/${budget.id}`)).status.usedPercent).toBe(121.7);
  });

  it('sends again only once the budget is raised', async () => {
    await ok(manager(), 'PATCH', `/rest/budgets/${offline}`, { comment: 'no change to the plan' });
    await ok(manager(), 'PATCH', `/rest/budgets/${offline}`, { planned: 3000 });
    await runChecks();
    expect(noticesOf(offline)).toHaveLength(2);
    await ok(manager(), 'PATCH', `/rest/budgets/${offline}`, { planned: 5000 }); // 4380 s of 5000: 87.6%
    await runChecks();
    expect(noticesOf(offline)).toEqual(['100@3600 to role-4', '80@3600 to role-4', '80@5000 to role-4']);
  });

  it('follows the thresholds the org sets', async () => {
    expect((await world.bob('PUT', '/settings/budgets', { thresholds: [50] })).status).toBe(403);
    await ok(world.alice, 'PUT', '/settings/budgets', { thresholds: [50, 90] });
    const budget = await ok(manager(), 'POST', '/rest/budgets', { workItemId: 6, name: 'Technician map', planned: 3600 });
    await log(world.bob, 17, 2000);
    await runChecks();
    expect(noticesOf(budget.id)).toEqual(['50@3600 to role-4']);
  });

  it('sends exactly one notice for a batch of worklogs that crosses a threshold', async () => {
    const budget = await ok(manager(), 'POST', '/rest/budgets', { workItemId: 7, name: 'Rescheduling', planned: 3600 });
    const batch = [1, 2, 3].map((n) => aWorklog({ ...utc, timestamp: at(T0, -(++minutes) * 2 * HOUR), length: 20 * 60, workItemId: n === 2 ? 18 : 14 }));
    expect((await world.bob('POST', '/rest/workLogs/batch', batch)).status).toBe(201);
    await runChecks();
    await runChecks();
    expect(noticesOf(budget.id)).toEqual(['90@3600 to role-4']);
  });

  it('checks the thresholds after a bulk edit of the Times Explorer moves time onto a budget', async () => {
    const budget = await ok(manager(), 'POST', '/rest/budgets', { workItemId: 20, name: 'Load test', planned: 3600 });
    await log(world.bob, 16, 40 * 60);
    await runChecks(); // the write's own check: nothing on work item 20 yet
    expect(noticesOf(budget.id)).toEqual([]);
    const move = { change: { kind: 'workItem', workItemId: 20 }, filter: { from: '2024-01-01T00:00:00Z', to: T0, workItemIds: [16] } };
    expect((await ok(world.alice, 'POST', '/explorer/bulkActions', move)).applied).toBe(1);
    await runChecks();
    expect(noticesOf(budget.id)).toEqual(['50@3600 to role-4']);
  });
});
