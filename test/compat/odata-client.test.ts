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
}
interface Client {
  newParam(): Params;
  newRequest(options: { collection: string; method: 'GET'; params?: Params }): Promise<unknown>;
  getEntitySet<T>(name: string): { query(params: Params): Promise<T[]> };
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
