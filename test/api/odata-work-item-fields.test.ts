import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

/**
 * What 7pace's work item sets carry beyond the cache's basics, over fabrikam's seed (Epic 1 >
 * Features 2-4 > stories 5-9 > tasks and bugs; Epic 21 > 22 > 23 > 24, 25): customFields and
 * rollupFields read from Azure DevOps, the budget covering each item, the System fields, and
 * every work item of the org listed whether or not anyone tracked time on it.
 */
let api: TestApi;
let world: RoleWorld;
let booking = '';
type Rows = { value: Record<string, unknown>[]; error?: { code: string; message: string } };
const q = encodeURIComponent;

const odata = async (path: string) => {
  const res = await world.alice('GET', `/odata/v3.2/${path}`);
  return { status: res.status, body: res.body as unknown as Rows };
};
const rows = async (path: string) => {
  const res = await odata(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.value;
};

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  booking = (await world.actors.budgetManager('POST', '/rest/budgets', { workItemId: 2, name: 'Booking', planned: 36_000 })).body.data.id;
  const logged = await world.alice('POST', '/rest/workLogs', aWorklog({ timeZone: 'UTC', timestamp: at(T0, -2 * HOUR), length: 1800, workItemId: 5, comment: 'slots' }));
  if (logged.status !== 201) throw new Error(JSON.stringify(logged.body));
});
afterAll(() => api.close());

describe('customFields', () => {
  it('fills CustomString/Numeric/BooleanFieldn with the n-th field named, by its type', async () => {
    const got = await rows(`workItems?$filter=${q('System_Id in (5, 10)')}&customFields=Custom.CostCenter,Microsoft.VSTS.Scheduling.StoryPoints,Custom.CustomerFacing`
      + '&$select=System_Id,CustomStringField1,CustomNumericField2,CustomBooleanField3,CustomNumericField1');
    expect(got).toEqual([
      { System_Id: 5, CustomStringField1: 'CC-4100', CustomNumericField2: 1, CustomBooleanField3: true, CustomNumericField1: null },
      { System_Id: 10, CustomStringField1: 'CC-4100', CustomNumericField2: null, CustomBooleanField3: null, CustomNumericField1: null },
    ]);
  });

  it('filters and orders by a custom field, on the hierarchy sets too', async () => {
    const big = await rows(`workItemsHierarchyAllLevels?customFields=Microsoft.VSTS.Scheduling.StoryPoints&$filter=${q('CustomNumericField1 ge 5')}&$select=System_Id,CustomNumericField1`);
    expect(big).toEqual([{ System_Id: 8, CustomNumericField1: 5 }, { System_Id: 9, CustomNumericField1: 8 }, { System_Id: 23, CustomNumericField1: 5 }]);
    const second = await rows(`workItemsHierarchy?customFields=${q('custom.costcenter')}&$filter=${q("CustomStringField1 eq 'CC-4200'")}&$select=System_Id`);
    expect(second).toEqual([{ System_Id: 21 }]);
  });

  it('reads an identity field as its text, and nothing when no option names a field', async () => {
    const [task] = await rows(`workItems?$filter=${q('System_Id eq 10')}&customFields=System.AssignedTo`);
    expect(task).toMatchObject({ CustomStringField1: 'Bob Brandt <bob@fabrikam.example>', CustomStringField2: null, CustomBooleanField5: null });
    const [plain] = await rows(`workItems?$filter=${q('System_Id eq 10')}`);
    expect(plain).toMatchObject({ CustomStringField1: null, CustomNumericField1: null });
  });

  it('answers 400 for a sixth field, a name that is no reference name, and a field the org lacks', async () => {
    const six = await odata('workItems?customFields=A.B,C.D,E.F,G.H,I.J,K.L');
    expect([six.status, six.body.error?.code]).toEqual([400, 'odata.too_many_fields']);
    const syntax = await odata(`workItems?customFields=${q('Custom.Cost Center')}`);
    expect([syntax.status, syntax.body.error?.code]).toEqual([400, 'odata.invalid_field']);
    expect(syntax.body.error?.message).toMatch(/Custom\.Cost Center/);
    const unknown = await odata('workItems?customFields=Custom.NoSuchField');
    expect([unknown.status, unknown.body.error?.code]).toEqual([400, 'odata.unknown_field']);
    expect(unknown.body.error?.message).toMatch(/Custom\.NoSuchField/);
  });
});

describe("workLogsWorkItems' WorkItem", () => {
  it('carries the System fields, how a budget covers the item, and the customFields asked for', async () => {
    const [row] = await rows(`workLogsWorkItems?customFields=Custom.CostCenter,Microsoft.VSTS.Scheduling.StoryPoints&$filter=${q("Comment eq 'slots'")}`
      + '&$select=WorkItem/System_Id,WorkItem/System_AssignedTo,WorkItem/System_AreaId,WorkItem/CustomStringField1,WorkItem/CustomNumericField2,WorkItem/BudgetAssignmentType');
    expect(row).toEqual({ WorkItem: {
      System_Id: 5, System_AssignedTo: 'Carol Castillo <carol@fabrikam.example>', System_AreaId: 101, CustomStringField1: 'CC-4100', CustomNumericField2: 1,
      BudgetAssignmentType: 'InheritedFromParent',
    } });
    const filtered = await rows(`workLogsWorkItems?customFields=Custom.CustomerFacing&$filter=${q('WorkItem/CustomBooleanField1 eq true')}&$select=Comment`);
    expect(filtered).toEqual([{ Comment: 'slots' }]);
  });
});

describe('rollupFields', () => {
  it('sums each field over the item and everything below it, in RollupValuen', async () => {
    const roots = await rows('workItemsHierarchy?rollupFields=Microsoft.VSTS.Scheduling.StoryPoints,Microsoft.VSTS.Scheduling.Effort&$select=System_Id,RollupValue1,RollupValue2,RollupValue3');
    expect(roots).toEqual([
      { System_Id: 1, RollupValue1: 1 + 2 + 3 + 5 + 8, RollupValue2: 12 + 13 + 14, RollupValue3: null },
      { System_Id: 21, RollupValue1: 5, RollupValue2: 32, RollupValue3: null },
    ]);
    const feature = await rows(`workItemsHierarchyAllLevels?rollupFields=Microsoft.VSTS.Scheduling.StoryPoints&$filter=${q('System_Id in (2, 10)')}&$select=System_Id,RollupValue1`);
    expect(feature).toEqual([{ System_Id: 2, RollupValue1: 1 + 2 + 3 }, { System_Id: 10, RollupValue1: 0 }]);
  });

  it('answers 400 for a field that is not numeric, and on the flat workItems set', async () => {
    const text = await odata('workItemsHierarchy?rollupFields=Custom.CostCenter');
    expect([text.status, text.body.error?.code]).toEqual([400, 'odata.invalid_field']);
    const flat = await odata('workItems?rollupFields=Microsoft.VSTS.Scheduling.Effort');
    expect(flat.status).toBe(400);
    expect(flat.body.error?.message).toMatch(/workItemsHierarchy/);
  });
});

describe('Budget and BudgetAssignmentType', () => {
  it('names the budget covering each item and how: on the item, from a parent, or none', async () => {
    const got = await rows(`workItems?$filter=${q('System_Id in (1, 2, 5, 10, 3)')}&$select=System_Id,Budget/Id,Budget/BudgetName,BudgetAssignmentType`);
    const covered = { Id: booking, BudgetName: 'Booking' };
    expect(got).toEqual([
      { System_Id: 1, Budget: null, BudgetAssignmentType: 'NoBudget' },
      { System_Id: 2, Budget: covered, BudgetAssignmentType: 'DirectlyAssigned' },
      { System_Id: 3, Budget: null, BudgetAssignmentType: 'NoBudget' },
      { System_Id: 5, Budget: covered, BudgetAssignmentType: 'InheritedFromParent' },
      { System_Id: 10, Budget: covered, BudgetAssignmentType: 'InheritedFromParent' },
    ]);
  });

  it("filters by the enum, as a string or with 7pace's type name", async () => {
    const plain = await rows(`workItemsHierarchyAllLevels?$filter=${q("BudgetAssignmentType eq 'DirectlyAssigned'")}&$select=System_Id`);
    expect(plain).toEqual([{ System_Id: 2 }]);
    const typed = await rows(`workItems?$filter=${q("BudgetAssignmentType eq TimetrackerOnline.Entities.Extensions.BudgetAssignmentType'InheritedFromParent'")}&$select=System_Id`);
    expect(typed.map((row) => row.System_Id)).toEqual([5, 6, 7, 10, 11, 12, 14, 16, 17, 18, 20]);
  });
});

describe('System fields', () => {
  it('fills the System fields Azure DevOps holds', async () => {
    const [task] = await rows(`workItems?$filter=${q('System_Id eq 10')}`);
    expect(task).toMatchObject({
      System_AreaId: 101, System_IterationId: 111, System_CreatedDate: '2026-09-01T18:00:00.000Z', System_RevisedDate: '2026-09-04T18:00:00.000Z',
      System_AssignedTo: 'Bob Brandt <bob@fabrikam.example>', System_CreatedBy: 'Alice Anders <alice@fabrikam.example>',
      System_Reason: 'Implementation started', System_NodeName: 'Portal',
    });
    const [epic] = await rows(`workItemsHierarchy?$filter=${q('System_Id eq 21')}&$select=System_AssignedTo,System_Reason,System_IterationId`);
    expect(epic).toEqual({ System_AssignedTo: null, System_Reason: 'New', System_IterationId: 110 });
  });

  it('filters by them', async () => {
    const late = await rows(`workItems?$filter=${q("System_CreatedDate ge 2026-09-02T00:00:00Z and System_AssignedTo ne null and System_IterationId eq 110")}&$select=System_Id`);
    expect(late.map((row) => row.System_Id)).toEqual([18]);
  });
});

describe("the org's work items", () => {
  it('lists every work item Azure DevOps has, tracked on or not, and one created there since', async () => {
    expect((await rows('workItems?$select=System_Id')).map((row) => row.System_Id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    (api.app.ports.directory as LocalDevOpsDirectory).createWorkItem('fabrikam', {
      id: 26, title: 'Print the technician badge', type: 'Task', state: 'New', project: 'Fiber', parentId: 23,
      areaPath: 'Fiber\\Portal', iterationPath: 'Fiber\\Sprint 12', originalEstimate: 2, completedWork: 0, remainingWork: 2,
    });
    const [created] = await rows(`workItemsHierarchyAllLevels?$filter=${q('System_Id gt 25')}&$select=System_Id,System_Title,ParentId,TrackedTotal`);
    expect(created).toEqual({ System_Id: 26, System_Title: 'Print the technician badge', ParentId: 23, TrackedTotal: 0 });
  });
});

describe('$metadata', () => {
  it("declares the fields and 7pace's BudgetAssignmentType enum", async () => {
    const res = await fetch(`${api.url}/api/odata/v3.2/$metadata`, { headers: { authorization: `Bearer ${await api.signIn('fabrikam', 'alice')}` } });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await res.text());
    const schemas = xml['edmx:Edmx']['edmx:DataServices'].Schema as { Namespace: string; EntityType?: { Name: string; Property: { Name: string; Type: string }[] }[]; EnumType?: unknown }[];
    const enums = schemas.find((schema) => schema.Namespace === 'TimetrackerOnline.Entities.Extensions');
    expect(enums?.EnumType).toEqual({
      Name: 'BudgetAssignmentType',
      Member: ['NotComputed', 'NoBudget', 'DirectlyAssigned', 'InheritedFromParent', 'InheritedFromIteration'].map((Name, Value) => ({ Name, Value: String(Value) })),
    });
    const hierarchy = schemas[0]!.EntityType!.find((type) => type.Name === 'ReportingWorkItemHierarchy')!;
    const typeOf = (name: string) => hierarchy.Property.find((property) => property.Name === name)?.Type;
    expect(['BudgetAssignmentType', 'Budget', 'CustomStringField5', 'CustomNumericField1', 'CustomBooleanField3', 'RollupValue5', 'TrackedItself'].map(typeOf)).toEqual([
      'TimetrackerOnline.Entities.Extensions.BudgetAssignmentType', 'TimetrackerOnline.Reporting.Models.ReportingBudget',
      'Edm.String', 'Edm.Double', 'Edm.Boolean', 'Edm.Double', 'Edm.Int32',
    ]);
  });
});
