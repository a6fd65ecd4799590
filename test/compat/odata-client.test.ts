import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { scriptToken } from '../support/script-token.js';
import { DAY, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

/**
 * A real OData v4 client from npm (@odata/client) reads the feed as a script would, with
 * Basic auth (no user name, the API token as the password): the service document, the
 * CSDL, a filtered workLogsOnly followed page by page, an aggregate, and workItems.
 */
const COUNT = 1_200;

/** The part of @odata/client (a devDependency) this test drives. */
interface Params {
  filter(text: string): Params;
  select(names: string[]): Params;
  count(on: boolean): Params;
  apply(text: string): Params;
  custom(key: string, value: string): Params;
  expand(fields: string | string[]): Params;
}
interface Client {
  newParam(): Params;
  newRequest(options: { collection: string; method: 'GET'; params?: Params }): Promise<unknown>;
  getEntitySet<T>(name: string): { query(params: Params): Promise<T[]>; retrieve(id: number, params?: Params): Promise<T> };
}
const PACKAGE = '@odata/client';
async function odataClient(options: { serviceEndpoint: string; credential: { username: string; password: string } }): Promise<Client> {
  const loaded = (await import(PACKAGE).catch(() => {
    throw new Error(`${PACKAGE} is not installed: it is a devDependency of this test (npm install -D ${PACKAGE})`);
  })) as { OData: { New4(o: typeof options): Client } };
  return loaded.OData.New4(options);
}

let api: TestApi;
let client: Client;
let root: string;
let token: string;

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  const session = await api.signIn('fabrikam', 'bob');
  token = await scriptToken(api, 'fabrikam', 'bob');
  const worklogs = consecutiveWorklogs(COUNT, at(T0, -20 * DAY), 60).map((w, i) => ({ ...w, timeZone: 'UTC', workItemId: 1 + (i % 3) }));
  for (let i = 0; i < worklogs.length; i += 500) {
    const res = await fetch(`${api.url}/api/rest/workLogs/batch`, { method: 'POST', headers: { authorization: `Bearer ${session}` }, body: JSON.stringify(worklogs.slice(i, i + 500)) });
    if (!res.ok) throw new Error(await res.text());
  }
  root = `${api.url}/api/odata/v3.2/`;
  client = await odataClient({ serviceEndpoint: root, credential: { username: '', password: token } });
}, 60_000);
afterAll(() => api.close());

describe('@odata/client against the feed', () => {
  it('reads the service document and the CSDL', async () => {
    const service = (await client.newRequest({ collection: '', method: 'GET' })) as unknown as { value: { name: string; url: string }[] };
    expect(service.value.map((set) => set.url)).toEqual(['workLogsOnly', 'workLogsWorkItems', 'workItems', 'workItemsHierarchy', 'workItemsHierarchyAllLevels', 'budgets']);
    const csdl = await fetch(`${root}$metadata`, { headers: { authorization: `Basic ${Buffer.from(`:${token}`).toString('base64')}` } });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await csdl.text());
    const sets = xml['edmx:Edmx']['edmx:DataServices'].Schema[2].EntityContainer.EntitySet;
    expect(sets.map((s: { EntityType: string }) => s.EntityType)).toEqual([
      'TimetrackerOnline.Reporting.Models.ReportingWorkLog', 'TimetrackerOnline.Reporting.Models.ReportingWorkLogWorkItem',
      'TimetrackerOnline.Reporting.Models.ReportingWorkItemFlat', 'TimetrackerOnline.Reporting.Models.ReportingWorkItemHierarchy',
      'TimetrackerOnline.Reporting.Models.ReportingWorkItemHierarchy', 'TimetrackerOnline.Reporting.Models.ReportingBudgetExtended',
    ]);
    const flat = xml['edmx:Edmx']['edmx:DataServices'].Schema[0].EntityType.find((t: { Name: string }) => t.Name === 'ReportingWorkItemFlat');
    expect(flat.Key.PropertyRef.Name).toBe('System_Id');
  });

  it('reads a filtered workLogsOnly through every @odata.nextLink', async () => {
    const params = client.newParam().filter(`WorkItemId eq 1 and Timestamp ge ${at(T0, -30 * DAY)}`).select(['Id', 'PeriodLength', 'Timestamp']).count(true);
    const seen: string[] = [];
    let page = (await client.newRequest({ collection: 'workLogsOnly', method: 'GET', params })) as unknown as Record<string, unknown> & { value: { Id: string }[] };
    expect(page['@odata.count']).toBe(COUNT / 3);
    for (;;) {
      seen.push(...page.value.map((row) => row.Id));
      const nextLink = page['@odata.nextLink'] as string | undefined;
      if (!nextLink) break;
      const next = client.newParam();
      for (const [key, value] of new URL(nextLink).searchParams) next.custom(key, value);
      page = (await client.newRequest({ collection: 'workLogsOnly', method: 'GET', params: next })) as never;
    }
    expect(seen).toHaveLength(COUNT / 3);
    expect(new Set(seen).size).toBe(COUNT / 3);
  });

  it('reads workItems with the time tracked on each, filtered and selected', async () => {
    const params = client.newParam().filter('TrackedItself gt 0').select(['System_Id', 'System_Title', 'TrackedItself']);
    const items = await client.getEntitySet<{ System_Id: number; System_Title: string; TrackedItself: number }>('workItems').query(params);
    expect(items.map((item) => [item.System_Id, item.TrackedItself])).toEqual([1, 2, 3].map((id) => [id, (COUNT / 3) * 60]));
    expect(items[0]!.System_Title).toBe('Fiber customer self-service portal');
  });

  it('reads the navigation properties $metadata declares, and an expansion of them', async () => {
    const csdl = await fetch(`${root}$metadata`, { headers: { authorization: `Basic ${Buffer.from(`:${token}`).toString('base64')}` } });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'NavigationProperty' }).parse(await csdl.text());
    const types = xml['edmx:Edmx']['edmx:DataServices'].Schema[0].EntityType as { Name: string; NavigationProperty?: { Name: string; Type: string; Partner?: string }[] }[];
    const navigation = (name: string) => types.find((t) => t.Name === name)!.NavigationProperty!.map((n) => `${n.Name}: ${n.Type.replace('TimetrackerOnline.Reporting.Models.', '')}${n.Partner ? ` <-> ${n.Partner}` : ''}`);
    expect(navigation('ReportingWorkItemFlat')).toEqual([
      'Parent: ReportingWorkItemFlat <-> Children', 'Root: ReportingWorkItemFlat', 'Children: Collection(ReportingWorkItemFlat) <-> Parent', 'DirectWorklogs: Collection(ReportingWorkLog)',
    ]);
    expect(navigation('ReportingWorkItemHierarchy')).toEqual([
      'Parent: ReportingWorkItemHierarchy <-> Children', 'Children: Collection(ReportingWorkItemHierarchy) <-> Parent', 'DirectWorklogs: Collection(ReportingWorkLog)', 'AllWorklogs: Collection(ReportingWorkLog)',
    ]);
    expect(navigation('ReportingBudgetExtended')).toEqual(['WorkItems: Collection(ReportingWorkItemFlat)', 'Worklogs: Collection(ReportingWorkLog)']);

    // bob, a Member, tracked on 1, 2 and 3: he reads those work items only (4, a child of 1, is not his).
    const params = client.newParam().filter('System_Id in (1, 2)').select(['System_Id']).expand(['Parent($select=System_Id)', 'Children($select=System_Id)']);
    const items = await client.getEntitySet<{ System_Id: number; Parent: { System_Id: number } | null; Children: { System_Id: number }[] }>('workItems').query(params);
    expect(items).toEqual([{ System_Id: 1, Parent: null, Children: [{ System_Id: 2 }, { System_Id: 3 }] }, { System_Id: 2, Parent: { System_Id: 1 }, Children: [] }]);
    const epic = await client.getEntitySet<{ System_Id: number; DirectWorklogs: { PeriodLength: number }[] }>('workItems').retrieve(1, client.newParam().select(['System_Id']).expand('DirectWorklogs($select=PeriodLength;$top=3)'));
    expect(epic).toMatchObject({ System_Id: 1, DirectWorklogs: [{ PeriodLength: 60 }, { PeriodLength: 60 }, { PeriodLength: 60 }] });

    const old = await fetch(`${api.url}/api/odata/v3.0/$metadata`, { headers: { authorization: `Bearer ${token}` } });
    const v30 = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'NavigationProperty' }).parse(await old.text());
    const flat = v30['edmx:Edmx']['edmx:DataServices'].Schema[0].EntityType.find((t: { Name: string }) => t.Name === 'ReportingWorkItemFlat');
    expect(flat.NavigationProperty.map((n: { Name: string }) => n.Name)).toEqual(['ParentItem', 'Children', 'DirectWorklogs']);
  });

  it("reads 7pace's customFields and rollupFields, filtered by a custom field", async () => {
    const params = client.newParam().custom('customFields', 'Custom.CostCenter,Microsoft.VSTS.Scheduling.Effort')
      .filter('CustomNumericField2 ge 12').select(['System_Id', 'CustomStringField1', 'CustomNumericField2', 'BudgetAssignmentType']);
    const items = await client.getEntitySet<Record<string, unknown>>('workItems').query(params);
    expect(items).toEqual([
      { System_Id: 2, CustomStringField1: 'CC-4100', CustomNumericField2: 12, BudgetAssignmentType: 'NoBudget' },
      { System_Id: 3, CustomStringField1: 'CC-4100', CustomNumericField2: 13, BudgetAssignmentType: 'NoBudget' },
    ]);
    const rollup = client.newParam().custom('rollupFields', 'Microsoft.VSTS.Scheduling.Effort').select(['System_Id', 'RollupValue1', 'TrackedTotal']);
    const roots = await client.getEntitySet<Record<string, unknown>>('workItemsHierarchy').query(rollup);
    // bob, a Member, reads the items he tracked on: the epic's rollup still sums its whole tree.
    expect(roots).toEqual([{ System_Id: 1, RollupValue1: 12 + 13 + 14, TrackedTotal: COUNT * 60 }]);
  });

  it('reads an aggregate built with its $apply', async () => {
    const params = client.newParam().apply('groupby((WorkItemId),aggregate(PeriodLength with sum as Seconds))');
    const rows = await client.getEntitySet<{ WorkItemId: number; Seconds: number }>('workLogsOnly').query(params);
    expect(rows).toEqual([1, 2, 3].map((id) => ({ WorkItemId: id, Seconds: (COUNT / 3) * 60 })));
  });
});
