import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import type { WorkItemDetails } from '../../shared/ports/devops-directory.js';
import { workItemCache } from '../../shared/work-items/work-item-cache.js';
import { workItemDoc, writeCached } from '../../shared/work-items/work-item-docs.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { HOUR, T0, aWorklog, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * $expand and the navigation paths over fabrikam's seeded tree (Epic 1 > Features 2-4 >
 * stories > tasks: 10 < 5 < 2 < 1, 13 < 9 < 3 < 1, 15 < 8 < 4 < 1; Epic 21 > 22 > 23):
 * bob (a Member) tracked on 10 and 13, alice on 10, carol on 15, and 1,001 worklogs of
 * alice's lie on task 11. Budget Portal is on 1, budget SMS on 3 (nested: 3, 9, 13 are its).
 */
let api: TestApi;
let world: RoleWorld;
let portal = '';
let sms = '';
type Call = RoleWorld['bob'];
type Rows = { value: Record<string, any>[]; '@odata.nextLink'?: string };
const fabrikam = findSeedOrganization('fabrikam')!;
const q = encodeURIComponent;
const MANY = 1_001;
/** Tasks only the cache knows, under feature 22: more than a page of expanding work items. */
const CHORES = 12;

const odata = async (call: Call, path: string, version = 'v3.2') => {
  const res = await call('GET', `/odata/${version}/${path}`);
  return { status: res.status, body: res.body as Rows & Record<string, any> & { error?: { code: string; message: string } } };
};
const ok = async (call: Call, path: string, version?: string) => {
  const res = await odata(call, path, version);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const follow = async (call: Call, link: string) => ((await call('GET', link.replace(/^.*\/api/, ''))) as unknown as { body: Rows & Record<string, any> }).body;
let minutes = 0;
const log = async (call: Call, workItemId: number, length: number, path = '/rest/workLogs') => {
  const res = await call('POST', path, aWorklog({ timeZone: 'UTC', timestamp: at(T0, -(++minutes) * 2 * HOUR), length, billableLength: 0, workItemId }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};
const ids = (rows: Record<string, any>[]) => rows.map((row) => row.System_Id);

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  await log(world.bob, 10, 3600);
  await log(world.alice, 10, 600);
  await log(world.bob, 13, 1800);
  await log(world.alice, 15, 2400, `/rest/workLogs?userId=${world.carolId}`);
  const many = consecutiveWorklogs(MANY, at(T0, -400 * HOUR), 60).map((w) => ({ ...w, timeZone: 'UTC', workItemId: 11 }));
  for (let i = 0; i < many.length; i += 500) expect((await world.alice('POST', '/rest/workLogs/batch', many.slice(i, i + 500))).status).toBe(201);
  const manager = world.actors.budgetManager;
  portal = (await manager('POST', '/rest/budgets', { workItemId: 1, name: 'Portal', planned: 36_000 })).body.data.id;
  sms = (await manager('POST', '/rest/budgets', { workItemId: 3, name: 'SMS', planned: 3600 })).body.data.id;
  const cache = workItemCache(api.app.ports);
  for (const root of [1, 21]) await cache.subtree({ orgId: fabrikam.id, orgName: fabrikam.name }, root);
  const chores = Array.from({ length: CHORES }, (_, i): WorkItemDetails => ({
    id: 2000 + i, title: `Chore ${i}`, type: 'Task', state: 'New', project: 'Fiber', parentId: 22,
    areaPath: 'Fiber\\Portal', iterationPath: 'Fiber\\Sprint 10', originalEstimate: null, completedWork: null, remainingWork: null,
  }));
  await writeCached(api.store, chores.map((item) => workItemDoc(fabrikam.id, item, api.clock.now())));
}, 60_000);
afterAll(() => api.close());

describe('workItems $expand', () => {
  it('expands Parent, Root, Children and DirectWorklogs with their nested $select', async () => {
    const expand = 'Parent($select=System_Id,System_Title),Root($select=System_Id),Children($select=System_Id),DirectWorklogs($select=UserId,PeriodLength)';
    const { value: [task] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 10')}&$select=System_Id&$expand=${q(expand)}`);
    expect(task).toEqual({
      System_Id: 10,
      Parent: { System_Id: 5, System_Title: 'As a customer I can pick a two-hour installation window' },
      Root: { System_Id: 1 },
      Children: [],
      DirectWorklogs: [{ UserId: fabrikam.users[0]!.id, PeriodLength: 600 }, { UserId: world.bobId, PeriodLength: 3600 }],
    });
    const { value: [story] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 5')}&$select=System_Id&$expand=${q(expand)}`);
    expect(ids(story!.Children)).toEqual([10, 12, 16, 20]);
    expect(story!.DirectWorklogs).toEqual([]);
    const { value: [epic] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 1')}&$select=System_Id&$expand=${q(expand)}`);
    expect(epic).toMatchObject({ Parent: null, Root: { System_Id: 1 } });
  });

  it("answers worklogs in an expansion as workLogsOnly's rows", async () => {
    const { value: [task] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 10')}&$expand=DirectWorklogs`);
    const direct = task!.DirectWorklogs as Record<string, any>[];
    const { value } = await ok(world.alice, `workLogsOnly?$filter=${q('WorkItemId eq 10')}`);
    expect(direct).toEqual(value);
    expect(task).toMatchObject({ System_Id: 10, TrackedItself: 4200 });
  });

  it('takes ParentItem, the v3.0 name of Parent', async () => {
    const { value: [task] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 10')}&$select=System_Id&$expand=${q('ParentItem($select=System_Id)')}`, 'v3.0');
    expect(task).toEqual({ System_Id: 10, ParentItem: { System_Id: 5 } });
  });

  it('filters, orders and cuts a collection by its nested options', async () => {
    const expand = 'Children($filter=System_Id gt 10;$orderby=System_Id desc;$top=2;$select=System_Id),DirectWorklogs($filter=PeriodLength lt 1000;$select=PeriodLength)';
    const { value: [story] } = await ok(world.alice, `workItems?$filter=${q('System_Id in (5, 10)')}&$select=System_Id&$expand=${q(expand)}`);
    expect(story!.Children).toEqual([{ System_Id: 20 }, { System_Id: 16 }]);
    const { value: [, task] } = await ok(world.alice, `workItems?$filter=${q('System_Id in (5, 10)')}&$select=System_Id&$expand=${q(expand)}`);
    expect(task!.DirectWorklogs).toEqual([{ PeriodLength: 600 }]);
  });

  it('refuses an unknown navigation property, naming those there are', async () => {
    const res = await odata(world.alice, 'workItems?$expand=Parents');
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/no navigation property Parents; its navigation properties are ParentItem, Parent, Root, Children, DirectWorklogs/);
    const worklogs = await odata(world.alice, 'workLogsOnly?$expand=Parent');
    expect(worklogs.status).toBe(400);
    expect(worklogs.body.error!.message).toMatch(/ReportingWorkLog has no navigation property Parent; it has no navigation properties/);
    expect((await odata(world.alice, 'workLogsOnly?$expand=User,WorklogDate&$top=1')).status).toBe(200);
    expect((await odata(world.alice, `workItems?$expand=${q('Parent($top=1)')}`)).status).toBe(400);
  });
});

describe('workItemsHierarchy $expand', () => {
  it('expands AllWorklogs (the whole subtree) and Children with their totals', async () => {
    const expand = 'AllWorklogs($select=WorkItemId,PeriodLength;$filter=WorkItemId ne 11),Children($select=System_Id,TrackedTotal),DirectWorklogs($select=Id)';
    const { value } = await ok(world.alice, `workItemsHierarchy?$select=System_Id&$expand=${q(expand)}`);
    expect(ids(value)).toEqual([1, 21]);
    const [epic, mobile] = value;
    // By work item, then oldest first.
    expect(epic!.AllWorklogs).toEqual([
      { WorkItemId: 10, PeriodLength: 600 }, { WorkItemId: 10, PeriodLength: 3600 }, { WorkItemId: 13, PeriodLength: 1800 }, { WorkItemId: 15, PeriodLength: 2400 },
    ]);
    expect(epic!.Children).toEqual([{ System_Id: 2, TrackedTotal: 4200 + MANY * 60 }, { System_Id: 3, TrackedTotal: 1800 }, { System_Id: 4, TrackedTotal: 2400 }]);
    expect(epic!.DirectWorklogs).toEqual([]);
    expect(mobile).toEqual({ System_Id: 21, AllWorklogs: [], Children: [{ System_Id: 22, TrackedTotal: 0 }], DirectWorklogs: [] });
  });

  it('expands Parent in every level', async () => {
    const { value: [feature] } = await ok(world.alice, `workItemsHierarchyAllLevels?$filter=${q('System_Id eq 2')}&$select=System_Id&$expand=${q('Parent($select=System_Id,HasChildren,TrackedTotal)')}`);
    expect(feature).toEqual({ System_Id: 2, Parent: { System_Id: 1, HasChildren: true, TrackedTotal: 4200 + 1800 + 2400 + MANY * 60 } });
  });
});

describe('budgets $expand', () => {
  it('expands the work items a budget counts (nested budgets apart) and their worklogs', async () => {
    const { value } = await ok(world.actors.budgetManager, `budgets?$select=BudgetName,Tracked&$expand=${q('WorkItems($select=System_Id),Worklogs($select=WorkItemId;$filter=WorkItemId ne 11)')}`);
    const byName = Object.fromEntries(value.map((row) => [row.BudgetName, row]));
    expect(ids(byName.SMS.WorkItems)).toEqual([3, 9, 13]);
    expect(byName.SMS.Worklogs).toEqual([{ WorkItemId: 13 }]);
    expect(ids(byName.Portal.WorkItems)).toEqual([1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20]);
    expect(byName.Portal.Worklogs).toEqual([{ WorkItemId: 10 }, { WorkItemId: 10 }, { WorkItemId: 15 }]);
    expect(byName.Portal.Tracked).toBe(3600 + 600 + 2400 + MANY * 60);
  });
});

describe('role rules inside an expansion', () => {
  it("shows a Member only their own worklogs, and only the work items they tracked on", async () => {
    const { value: [task] } = await ok(world.bob, `workItems?$filter=${q('System_Id eq 10')}&$select=System_Id&$expand=${q('DirectWorklogs($select=UserId,PeriodLength),Parent,Root')}`);
    expect(task).toEqual({ System_Id: 10, DirectWorklogs: [{ UserId: world.bobId, PeriodLength: 3600 }], Parent: null, Root: null });
    const { value: [budget] } = await ok(world.bob, `budgets?$filter=${q(`Id eq ${sms}`)}&$select=BudgetName&$expand=${q('WorkItems($select=System_Id),Worklogs($select=UserId)')}`);
    expect(budget).toEqual({ BudgetName: 'SMS', WorkItems: [{ System_Id: 13 }], Worklogs: [{ UserId: world.bobId }] });
    const mine = await ok(world.alice, `workItems(10)?prefilter=Me&$select=System_Id&$expand=${q('DirectWorklogs($select=PeriodLength)')}`);
    expect(mine).toMatchObject({ System_Id: 10, DirectWorklogs: [{ PeriodLength: 600 }] });
  });

  it("shows a Team lead their team's worklogs in AllWorklogs", async () => {
    const { value: [epic] } = await ok(world.actors.teamLead, `workItemsHierarchy?$filter=${q('System_Id eq 1')}&$select=System_Id&$expand=${q('AllWorklogs($select=UserId,WorkItemId)')}`);
    expect(epic!.AllWorklogs).toEqual([{ UserId: world.carolId, WorkItemId: 15 }]);
  });

  it('refuses a Member naming a work item they never tracked on by its path', async () => {
    expect((await odata(world.bob, 'workItems(15)/DirectWorklogs')).status).toBe(403);
    expect((await odata(world.bob, `budgets(${portal})/Worklogs`)).status).toBe(200);
  });
});

describe('navigation paths', () => {
  it('answers one entity by its key, and where its navigation properties lead', async () => {
    expect(await ok(world.alice, `workItems(10)?$select=System_Id,TrackedItself`)).toMatchObject({ '@odata.context': expect.stringMatching(/\$metadata#workItems\/\$entity$/), System_Id: 10, TrackedItself: 4200 });
    expect(await ok(world.alice, 'workItems(10)/Parent?$select=System_Id')).toMatchObject({ System_Id: 5 });
    expect(await ok(world.alice, 'workItems(10)/Root?$select=System_Id')).toMatchObject({ System_Id: 1 });
    expect(ids((await ok(world.alice, 'workItems(5)/Children?$select=System_Id')).value)).toEqual([10, 12, 16, 20]);
    expect((await ok(world.alice, 'workItems(10)/DirectWorklogs?$select=PeriodLength')).value).toEqual([{ PeriodLength: 600 }, { PeriodLength: 3600 }]);
    expect((await ok(world.alice, `workItemsHierarchy(3)/AllWorklogs?$select=WorkItemId`)).value).toEqual([{ WorkItemId: 13 }]);
    expect(ids((await ok(world.alice, 'workItemsHierarchy(1)/Children?$select=System_Id')).value)).toEqual([2, 3, 4]);
    expect(ids((await ok(world.alice, `budgets(${portal})/WorkItems?$select=System_Id&$top=3`)).value)).toEqual([1, 2, 4]);
    expect((await ok(world.alice, `budgets('${sms}')/Worklogs?$select=WorkItemId`)).value).toEqual([{ WorkItemId: 13 }]);
    expect(await ok(world.alice, `budgets(${sms})?$select=BudgetName&$expand=${q('WorkItems($select=System_Id)')}`)).toMatchObject({ BudgetName: 'SMS', WorkItems: [{ System_Id: 3 }, { System_Id: 9 }, { System_Id: 13 }] });
  });

  it('answers 204 for a Parent that is not there, 404 for an entity that is not, and 400 naming the navigation properties there are', async () => {
    const noParent = await odata(world.alice, 'workItems(1)/Parent');
    expect(noParent.status).toBe(204);
    expect(noParent.body).toBeUndefined();
    expect((await odata(world.alice, 'workItems(999)')).status).toBe(404);
    const unknown = await odata(world.alice, 'workItems(10)/Worklogs');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error!.message).toMatch(/ReportingWorkItemFlat has no navigation property Worklogs; its navigation properties are .*DirectWorklogs/);
    expect((await odata(world.alice, 'workItems(ten)')).status).toBe(400);
    expect((await odata(world.alice, 'budgets(42)/Worklogs')).status).toBe(400);
  });
});

describe('bounds', () => {
  it('holds 1,000 worklogs in an expansion, with a nextLink to the rest on its navigation path', async () => {
    const { value: [task] } = await ok(world.alice, `workItems?$filter=${q('System_Id eq 11')}&$select=System_Id&$expand=${q('DirectWorklogs($select=Id)')}`);
    expect(task!.DirectWorklogs).toHaveLength(1000);
    const link = task!['DirectWorklogs@odata.nextLink'] as string;
    expect(link).toMatch(/\/api\/odata\/v3\.2\/workItems\(11\)\/DirectWorklogs\?.*%24skiptoken=/);
    const rest = await follow(world.alice, link);
    expect(rest.value).toHaveLength(MANY - 1000);
    expect(rest['@odata.nextLink']).toBeUndefined();
    expect(new Set([...task!.DirectWorklogs, ...rest.value].map((w: { Id: string }) => w.Id)).size).toBe(MANY);
    const topped = await ok(world.alice, `workItems(11)?$select=System_Id&$expand=${q('DirectWorklogs($select=Id;$top=5)')}`);
    expect(topped.DirectWorklogs).toHaveLength(5);
    expect(topped['DirectWorklogs@odata.nextLink']).toBeUndefined();
  });

  it('pages 10 work items at a time when each expands a collection', async () => {
    const first = await ok(world.alice, `workItems?$select=System_Id&$expand=${q('Children($select=System_Id)')}`);
    expect(ids(first.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const second = await follow(world.alice, first['@odata.nextLink']!);
    expect(ids(second.value)[0]).toBe(11);
    const two = await ok(world.alice, `workItemsHierarchyAllLevels?$select=System_Id&$expand=${q('DirectWorklogs($select=Id),AllWorklogs($select=Id)')}`);
    expect(ids(two.value)).toEqual([1, 2, 3, 4, 5]);
    expect(two.value.map((row) => row.AllWorklogs.length)).toEqual([1000, 1000, 1, 1, 2]);
    expect(two.value.map((row) => row['AllWorklogs@odata.nextLink'] !== undefined)).toEqual([true, true, false, false, false]);
  });

  it('refuses an answer of more than 10,000 expanded rows rather than cutting it', async () => {
    // Each of 2, 6 and 11 and their parents and children reach task 11's 1,001 worklogs: 11 expansions of 1,000.
    const all = 'AllWorklogs($select=Id)';
    const expand = `${all},DirectWorklogs($select=Id),Children($select=System_Id;$expand=${all}),Parent($select=System_Id;$expand=${all},Parent($select=System_Id;$expand=${all}))`;
    const path = (ids: string) => `workItemsHierarchyAllLevels?$filter=${q(`System_Id in (${ids})`)}&$select=System_Id&$expand=${q(expand)}`;
    const res = await odata(world.alice, path('2, 6, 11'));
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('odata.expand_too_large');
    expect(res.body.error!.message).toMatch(/more than 10000 expanded rows \(at AllWorklogs\)/);
    const smaller = await ok(world.alice, path('2, 6'));
    expect(smaller.value.map((row) => row.AllWorklogs.length)).toEqual([1000, 1000]);
    const deeper = await odata(world.alice, `workItems?$expand=${q('Children($expand=Children($expand=Children($expand=Children)))')}`);
    expect(deeper.body.error!.message).toMatch(/at most 3 levels of \$expand/);
  });

  it('pages a navigation path of work items that expand collections 10 at a time', async () => {
    const first = await ok(world.alice, `workItems(22)/Children?$select=System_Id&$expand=${q('DirectWorklogs($select=Id)')}`);
    expect(first.value).toHaveLength(10);
    expect(first.value[0]).toEqual({ System_Id: 23, DirectWorklogs: [] });
    const rest = await follow(world.alice, first['@odata.nextLink']!);
    expect(ids(rest.value)).toEqual([2009, 2010, 2011]);
    expect(rest['@odata.nextLink']).toBeUndefined();
    const all = await ok(world.alice, 'workItems(22)/Children?$select=System_Id');
    expect(all.value).toHaveLength(CHORES + 1);
  });

  it('refuses to order more worklogs than one expansion holds', async () => {
    const res = await odata(world.alice, `workItems(11)?$expand=${q('DirectWorklogs($orderby=PeriodLength desc)')}`);
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('odata.order_needs_one_page');
  });
});
