import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import type { WorkItemDetails } from '../../shared/ports/devops-directory.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

/**
 * The work item and budget sets of the OData feed over fabrikam's seeded tree (Epic 1 >
 * Features 2-4 > stories > tasks; Epic 21 > 22 > 23 > 24, 25): bob (a Member) tracked on
 * tasks 10 and 13, carol on task 15; contoso's items and budget never show.
 */
let api: TestApi;
let world: RoleWorld;
let portal = '';
let mobile = '';
let contosoBudget = '';
type Call = RoleWorld['bob'];
type Rows = { value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.count'?: number };
const fabrikam = findSeedOrganization('fabrikam')!;
/** Items created in Azure DevOps after the seed, under Epic 21, none tracked on: enough for a second page. */
const EXTRA = 130;

const odata = async (call: Call, path: string) => {
  const res = await call('GET', `/odata/v3.2/${path}`);
  return { status: res.status, body: res.body as Rows & { error?: { code: string; message: string } } };
};
const rows = async (call: Call, path: string) => {
  const res = await odata(call, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.value;
};
const q = encodeURIComponent;
let minutes = 0;
const log = async (call: Call, workItemId: number, length: number, path = '/rest/workLogs') => {
  const res = await call('POST', path, aWorklog({ timeZone: 'UTC', timestamp: at(T0, -(++minutes) * 2 * HOUR), length, billableLength: length / 2, workItemId }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  await log(world.bob, 10, 3600);
  await log(world.bob, 13, 1800);
  await log(world.alice, 15, 3600, `/rest/workLogs?userId=${world.carolId}`);
  const manager = world.actors.budgetManager;
  portal = (await manager('POST', '/rest/budgets', { workItemId: 1, name: 'Portal', planned: 10 * 3600, plannedBillable: 5 * 3600 })).body.data.id;
  mobile = (await manager('POST', '/rest/budgets', { workItemId: 21, name: 'Mobile', planned: 3600 })).body.data.id;
  const contosoAlice = client(api, await api.signIn('contoso', 'alice'));
  await contosoAlice('POST', '/rest/workLogs', aWorklog({ timeZone: 'UTC', timestamp: at(T0, -HOUR), length: 600, workItemId: 10 }));
  contosoBudget = (await contosoAlice('POST', '/rest/budgets', { workItemId: 1, name: 'Redesign', planned: 36_000 })).body.data.id;
  const azureDevOps = api.app.ports.directory as LocalDevOpsDirectory;
  for (let i = 0; i < EXTRA; i++) {
    azureDevOps.createWorkItem('fabrikam', {
      id: 1000 + i, title: `Chore ${i}`, type: 'Task', state: 'New', project: 'Fiber', parentId: 21,
      areaPath: 'Fiber\\Portal', iterationPath: 'Fiber\\Sprint 10', originalEstimate: null, completedWork: null, remainingWork: null,
    } satisfies WorkItemDetails);
  }
});
afterAll(() => api.close());

describe('workItems', () => {
  it("answers the org's work items in 7pace's names, with the time tracked on each", async () => {
    const [task] = await rows(world.alice, `workItems?$filter=${q('System_Id eq 10')}`);
    expect(task).toMatchObject({
      System_Id: 10, System_Title: 'Design the appointment slot API', System_WorkItemType: 'Task', System_State: 'Active',
      System_TeamProject: 'Fiber', System_AreaPath: 'Fiber\\Portal', System_IterationPath: 'Fiber\\Sprint 11', ParentId: 5,
      Microsoft_VSTS_Scheduling_OriginalEstimate: 8, Microsoft_VSTS_Scheduling_CompletedWork: 2, Microsoft_VSTS_Scheduling_RemainingWork: 6,
      TrackedItself: 3600, TrackedItselfBillable: 1800, System_AssignedTo: 'Bob Brandt <bob@fabrikam.example>',
    });
  });

  it('filters, selects and orders like the worklog sets', async () => {
    const tracked = await rows(world.alice, `workItems?$filter=${q("System_WorkItemType eq 'Task' and TrackedItself gt 0")}&$select=System_Id,TrackedItself&$orderby=${q('TrackedItself desc,System_Id')}`);
    expect(tracked).toEqual([{ System_Id: 10, TrackedItself: 3600 }, { System_Id: 15, TrackedItself: 3600 }, { System_Id: 13, TrackedItself: 1800 }]);
  });

  it('pages 100 items at a time by @odata.nextLink, each item once, in System_Id order', async () => {
    const first = await odata(world.alice, 'workItems?$count=true&$select=System_Id');
    const total = fabrikam.workItems.length + EXTRA;
    expect(first.body['@odata.count']).toBe(total);
    expect(first.body.value).toHaveLength(100);
    const second = (await world.alice('GET', first.body['@odata.nextLink']!.replace(/^.*\/api/, ''))) as unknown as { body: Rows };
    expect(second.body.value).toHaveLength(total - 100);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    const ids = [...first.body.value, ...second.body.value].map((row) => row.System_Id as number);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('keeps customFields through @odata.nextLink, whose position holds for those fields only', async () => {
    const first = await odata(world.alice, 'workItems?customFields=Custom.CostCenter&$select=System_Id,CustomStringField1');
    const nextLink = first.body['@odata.nextLink']!;
    expect(new URL(nextLink).searchParams.get('customFields')).toBe('Custom.CostCenter');
    const second = (await world.alice('GET', nextLink.replace(/^.*\/api/, ''))).body as unknown as Rows;
    expect(second.value.slice(0, 2)).toEqual([{ System_Id: 1075, CustomStringField1: null }, { System_Id: 1076, CustomStringField1: null }]);
    expect(first.body.value.slice(20, 25).map((row) => row.CustomStringField1)).toEqual(Array(5).fill('CC-4200'));
    const elsewhere = await world.alice('GET', nextLink.replace(/^.*\/api/, '').replace('Custom.CostCenter', 'Custom.CustomerFacing'));
    expect(elsewhere.status).toBe(400);
  });

  it('shows a Member only the work items they tracked time on, and refuses naming others', async () => {
    expect((await rows(world.bob, 'workItems?$select=System_Id')).map((row) => row.System_Id)).toEqual([10, 13]);
    expect((await rows(world.actors.teamLead, `workItems?$filter=${q('TrackedItself gt 0')}&$select=System_Id`)).map((row) => row.System_Id)).toEqual([10, 13, 15]);
    expect((await rows(world.actors.administrator, 'workItems?prefilter=Me')).length).toBe(0);
    expect((await odata(world.bob, `workItems?$filter=${q('System_Id eq 15')}`)).status).toBe(403);
  });

  it("never answers another org's work items", async () => {
    const titles = (await rows(world.alice, 'workItems?$select=System_Title')).map((row) => row.System_Title);
    expect(titles).not.toContain('Mobile banking app redesign');
    expect(titles).toContain('Fiber customer self-service portal');
  });
});

describe('workItemsHierarchy and workItemsHierarchyAllLevels', () => {
  it('answers the items without a parent, with the time of their whole subtree', async () => {
    const roots = await rows(world.alice, 'workItemsHierarchy?$select=System_Id,TrackedTotal,TrackedTotalBillable,HasChildren');
    expect(roots).toEqual([
      { System_Id: 1, TrackedTotal: 9000, TrackedTotalBillable: 4500, HasChildren: true },
      { System_Id: 21, TrackedTotal: 0, TrackedTotalBillable: 0, HasChildren: true },
    ]);
  });

  it('answers every level, each item with its subtree total', async () => {
    const some = await rows(world.alice, `workItemsHierarchyAllLevels?$filter=${q('System_Id in (1, 3, 5, 10, 15)')}&$select=System_Id,TrackedTotal,HasChildren,ParentId`);
    expect(some).toEqual([
      { System_Id: 1, TrackedTotal: 9000, HasChildren: true, ParentId: null },
      { System_Id: 3, TrackedTotal: 1800, HasChildren: true, ParentId: 1 },
      { System_Id: 5, TrackedTotal: 3600, HasChildren: true, ParentId: 2 },
      { System_Id: 10, TrackedTotal: 3600, HasChildren: false, ParentId: 5 },
      { System_Id: 15, TrackedTotal: 3600, HasChildren: false, ParentId: 8 },
    ]);
    const all = await odata(world.alice, 'workItemsHierarchyAllLevels?$count=true&$top=150&$select=System_Id');
    expect(all.body['@odata.count']).toBe(fabrikam.workItems.length + EXTRA);
    expect(all.body.value).toHaveLength(100);
    expect(new URL(all.body['@odata.nextLink']!).searchParams.get('$top')).toBe('50');
  });
});

describe('budgets', () => {
  it("answers each budget in 7pace's names, with the status /rest/budgets/status reports", async () => {
    const all = await rows(world.actors.budgetManager, 'budgets');
    expect(all.map((row) => row.Id).sort()).toEqual([portal, mobile].sort());
    const row = all.find((r) => r.Id === portal);
    expect(row).toMatchObject({ BudgetName: 'Portal', Planned: 36_000, Tracked: 9000, Billed: 4500, Remaining: 27_000, Closed: false, WorkItemId: 1, PlannedBillable: 18_000 });
    const status = (await world.actors.budgetManager('GET', '/rest/budgets/status?workItemId=1')).body.data;
    expect(status.budgets[0].status).toMatchObject({ tracked: row!.Tracked, billableTracked: row!.Billed, remaining: row!.Remaining });
    expect(all.map((r) => r.Id)).not.toContain(contosoBudget);
  });

  it('shows a Member the budgets of their work items only, and refuses naming another', async () => {
    expect((await rows(world.bob, 'budgets?$select=Id,BudgetName')).map((row) => row.BudgetName)).toEqual(['Portal']);
    for (const actor of ['teamLead', 'productManager', 'administrator'] as const) {
      expect(await rows(world.actors[actor], 'budgets?$select=Id')).toHaveLength(2);
    }
    const named = await odata(world.bob, `budgets?$filter=${q(`Id eq ${mobile}`)}`);
    expect(named.status).toBe(403);
    expect((await rows(world.alice, `budgets?$filter=${q(`Id eq ${contosoBudget}`)}`))).toEqual([]);
  });

  it('refuses the worklog-only options', async () => {
    const res = await odata(world.alice, `budgets?$apply=${q('aggregate(Planned with sum as P)')}`);
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/workLogsOnly/);
  });
});
