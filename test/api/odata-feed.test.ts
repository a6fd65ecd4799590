import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

/**
 * The OData feed (/api/odata/v3.x) over a small known set: bob (a Member, in Berlin) has
 * three worklogs, carol (team red) one, alice (Administrator) one.
 */
let api: TestApi;
let world: RoleWorld;
let bobsToken: string;
let aliceId: string;

const feed = async (token: string, path: string, init: RequestInit = {}) => {
  const res = await fetch(`${api.url}/api/odata/v3.2${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
};
const ids = (body: { value: { Id: string }[] }) => body.value.map((row) => row.Id);

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
  aliceId = (await world.alice('GET', '/rest/me')).body.data.user.id;
  const add = async (call: RoleWorld['bob'], path: string, body: object) => {
    const res = await call('POST', path, body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  const berlin = { timeZone: 'Europe/Berlin' };
  await add(world.bob, '/rest/workLogs', aWorklog({ ...berlin, timestamp: '2025-01-02T09:00:00', length: 3600, billableLength: 3600, workItemId: 1, activityTypeId: 'development' }));
  await add(world.bob, '/rest/workLogs', aWorklog({ ...berlin, timestamp: '2025-01-02T23:30:00', length: 1800, billableLength: 0, workItemId: 2, comment: 'late fix' }));
  await add(world.bob, '/rest/workLogs', aWorklog({ ...berlin, timestamp: '2025-01-03T08:00:00', length: 600, billableLength: 0, workItemId: null, comment: 'standup' }));
  await add(world.alice, `/rest/workLogs?userId=${world.carolId}`, aWorklog({ timeZone: 'UTC', timestamp: '2025-01-02T10:00:00Z', length: 1200, workItemId: 3 }));
  await add(world.alice, '/rest/workLogs', aWorklog({ timeZone: 'UTC', timestamp: '2025-01-02T12:00:00Z', length: 3600, workItemId: 1 }));
  bobsToken = (await world.bob('POST', '/rest/apiTokens', { name: 'excel' })).body.data.token;
});
afterAll(() => api.close());

describe('the service document and $metadata', () => {
  it('lists the served entity sets, as Excel and Power BI read them', async () => {
    const { status, body, headers } = await feed(bobsToken, '/');
    expect(status).toBe(200);
    expect(headers.get('odata-version')).toBe('4.0');
    expect(body['@odata.context']).toMatch(/\/api\/odata\/v3\.2\/\$metadata$/);
    expect(body.value.map((s: { name: string }) => s.name)).toEqual(['workLogsOnly', 'workLogsWorkItems', 'workItems', 'workItemsHierarchy', 'workItemsHierarchyAllLevels', 'budgets']);
  });

  it("describes 7pace's ReportingWorkLog in CSDL XML, with its names, types and keys", async () => {
    const { status, text, headers } = await feed(bobsToken, '/$metadata');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    // 7pace's order: the models, its enum type's schema, the container.
    const [models, , container] = xml['edmx:Edmx']['edmx:DataServices'].Schema;
    expect(models.Namespace).toBe('TimetrackerOnline.Reporting.Models');
    const worklog = models.EntityType.find((t: { Name: string }) => t.Name === 'ReportingWorkLog');
    const property = (name: string) => worklog.Property.find((p: { Name: string }) => p.Name === name);
    expect(worklog.Key.PropertyRef.Name).toBe('Id');
    expect(property('Timestamp')).toEqual({ Name: 'Timestamp', Type: 'Edm.DateTimeOffset', Nullable: 'false' });
    expect(property('PeriodLength')).toEqual({ Name: 'PeriodLength', Type: 'Edm.Int32', Nullable: 'false' });
    expect(property('User').Type).toBe('TimetrackerOnline.Reporting.Models.ReportingUser');
    expect(container.EntityContainer.Name).toBe('Container');
    expect(container.EntityContainer.EntitySet.map((s: { Name: string }) => s.Name)).toEqual(['workLogsOnly', 'workLogsWorkItems', 'workItems', 'workItemsHierarchy', 'workItemsHierarchyAllLevels', 'budgets']);
  });

  it('serves every 7pace version in the path and refuses others with ApiVersionError', async () => {
    for (const version of ['v3.0', 'v3.1', 'v3.2', 'v3.3-beta']) {
      const res = await fetch(`${api.url}/api/odata/${version}/workLogsOnly`, { headers: { authorization: `Bearer ${bobsToken}` } });
      expect(res.status, version).toBe(200);
    }
    const res = await fetch(`${api.url}/api/odata/v9/workLogsOnly`, { headers: { authorization: `Bearer ${bobsToken}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { errorCode: string } }).error.errorCode).toBe('ApiVersionError');
  });
});

describe('authentication: Bearer, and Basic with the token as the password', () => {
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('takes Basic with an empty or any user name, and the unencoded form of the docs', async () => {
    for (const authorization of [basic('', bobsToken), basic('user', bobsToken), `Basic ${bobsToken}`]) {
      const res = await fetch(`${api.url}/api/odata/v3.2/workLogsOnly`, { headers: { authorization } });
      expect(res.status, authorization.slice(0, 12)).toBe(200);
    }
  });

  it('challenges a request without credentials, so that Excel asks for them', async () => {
    const res = await fetch(`${api.url}/api/odata/v3.2/workLogsOnly`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    const wrong = await fetch(`${api.url}/api/odata/v3.2/workLogsOnly`, { headers: { authorization: basic('', 'th.x.y.z') } });
    expect(wrong.status).toBe(401);
  });
});

describe('whose worklogs: the role rules', () => {
  it("shows a Member their own only, a Team lead their team's, an Administrator everyone's", async () => {
    const bobs = await feed(world.tokens.member, '/workLogsOnly');
    expect(bobs.body.value.map((r: { UserId: string }) => r.UserId)).toEqual([world.bobId, world.bobId, world.bobId]);
    const lead = await feed(world.tokens.teamLead, '/workLogsOnly');
    expect(lead.body.value.map((r: { UserId: string }) => r.UserId)).toEqual([world.carolId]);
    const all = await feed(world.tokens.collectionAdmin, '/workLogsOnly');
    expect(all.body.value).toHaveLength(5);
    const mine = await feed(world.tokens.collectionAdmin, '/workLogsOnly?prefilter=Me');
    expect(mine.body.value.map((r: { UserId: string }) => r.UserId)).toEqual([aliceId]);
  });

  it("refuses a Member who filters on another user's id (403), and shows another org nothing of this one", async () => {
    const refused = await feed(world.tokens.member, `/workLogsOnly?$filter=UserId eq ${world.carolId}`);
    expect(refused.status).toBe(403);
    const contoso = await feed(await api.signIn('contoso', 'alice'), '/workLogsOnly');
    expect(contoso.status).toBe(200);
    expect(contoso.body.value).toEqual([]);
  });
});

describe('a worklog as ReportingWorkLog', () => {
  it("carries 7pace's properties: Timestamp in the user's offset, seconds, flags, user, date", async () => {
    const { body } = await feed(bobsToken, "/workLogsOnly?$filter=WorkItemId eq 1");
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({
      UserId: world.bobId, WorkItemId: 1, Timestamp: '2025-01-02T09:00:00+01:00', PeriodLength: 3600, BillablePeriodLength: 3600,
      IsBillable: true, IsTracked: false, IsManuallyEntered: true, Comment: null,
      User: { Id: world.bobId, Name: expect.any(String), Email: expect.any(String) },
      ActivityType: { Id: 'development', Name: expect.any(String), Color: expect.stringMatching(/^[0-9a-f]{6}$/) },
      WorklogDate: { Year: 2025, Month: 1, Day: 2, ShortDate: '2025-01-02' },
    });
  });

  it('adds the work item in workLogsWorkItems, null for a comment-only worklog', async () => {
    const { body } = await feed(bobsToken, '/workLogsWorkItems?$select=Comment,WorkItem/System_Id,WorkItem/System_Title');
    const byComment = new Map(body.value.map((r: { Comment: string | null }) => [r.Comment, r]));
    expect(byComment.get('standup')).toEqual({ Comment: 'standup', WorkItem: null });
    expect(byComment.get('late fix')).toEqual({ Comment: 'late fix', WorkItem: { System_Id: 2, System_Title: expect.any(String) } });
  });
});

describe('query options', () => {
  const expectIds = async (query: string, expected: number) => {
    const { status, body, text } = await feed(world.tokens.collectionAdmin, `/workLogsOnly?${query}`);
    expect(status, text).toBe(200);
    expect(body.value, query).toHaveLength(expected);
    return body;
  };

  it('filters by instants (Z or an offset) and by local time without an offset', async () => {
    await expectIds('$filter=Timestamp ge 2025-01-02T10:00:00Z', 4);
    await expectIds(`$filter=Timestamp ge ${encodeURIComponent('2025-01-02T11:00:00+01:00')}`, 4);
    // 23:30 Berlin is 22:30 UTC: local 23:00 lets it through, the instant 23:00Z does not.
    await expectIds('$filter=Timestamp ge 2025-01-02T23:00:00 and Timestamp lt 2025-01-03', 1);
    await expectIds('$filter=Timestamp ge 2025-01-02T23:00:00Z and Timestamp lt 2025-01-03T00:00:00Z', 0);
  });

  it('takes and, or, not, in, null and functions', async () => {
    await expectIds('$filter=WorkItemId in (1,3)', 3);
    await expectIds('$filter=not IsBillable or WorkItemId eq 3', 3);
    await expectIds('$filter=not (IsBillable or WorkItemId eq 3)', 2);
    await expectIds("$filter=WorkItemId eq null and contains(Comment,'stand')", 1);
    await expectIds(`$filter=(UserId eq ${world.bobId} and PeriodLength gt 700) or User/Name eq 'nobody'`, 2);
  });

  it("applies 7pace's worklogsFilter before $filter, by any casing", async () => {
    await expectIds('WorkLogsFilter=WorkItemId eq 1&$filter=PeriodLength eq 3600', 2);
  });

  it('selects nested paths, orders newest first, counts, tops and skips', async () => {
    const body = await expectIds('$select=Id,User/Name&$orderby=Timestamp desc&$count=true&$top=2&$skip=1', 2);
    expect(body['@odata.count']).toBe(5);
    expect(Object.keys(body.value[0])).toEqual(['Id', 'User']);
    const all = await feed(world.tokens.collectionAdmin, '/workLogsOnly?$orderby=Timestamp desc');
    expect(ids(body)).toEqual(ids(all.body).slice(1, 3));
    expect(body['@odata.nextLink']).toBeUndefined();
  });

  it('orders one page by another property in memory', async () => {
    const body = await expectIds('$orderby=PeriodLength desc,Timestamp', 5);
    expect(body.value.map((r: { PeriodLength: number }) => r.PeriodLength)).toEqual([3600, 3600, 1800, 1200, 600]);
  });

  it('groups and sums with $apply', async () => {
    const body = await expectIds('$apply=filter(Timestamp ge 2025-01-01)/groupby((User/Name),aggregate(PeriodLength with sum as Total,$count as Logs))', 3);
    expect(body.value).toContainEqual({ User: { Name: expect.any(String) }, Total: 6000, Logs: 3 });
    const totals = body.value.map((r: { Total: number }) => r.Total).sort((a: number, b: number) => a - b);
    expect(totals).toEqual([1200, 3600, 6000]);
  });

  it('answers the same through POST …/$query with the options in the body', async () => {
    const got = await feed(world.tokens.collectionAdmin, '/workLogsOnly/$query', { method: 'POST', body: '$filter=WorkItemId in (1,3)&$select=Id', headers: { 'content-type': 'text/plain' } });
    expect(got.status).toBe(200);
    expect(got.body.value).toHaveLength(3);
  });

  it('refuses what it cannot read, naming the option and the property', async () => {
    const unknown = await feed(bobsToken, '/workLogsOnly?$filter=Nope eq 1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/\$filter.*Nope/);
    const broken = await feed(bobsToken, '/workLogsOnly?$filter=Timestamp ge');
    expect(broken.status).toBe(400);
    const expand = await feed(bobsToken, '/workLogsOnly?$expand=Parent');
    expect(expand.status).toBe(400);
    expect(expand.body.error.message).toMatch(/\$expand.*Parent/);
    expect((await feed(bobsToken, '/workLogsOnly?$expand=User,ActivityType')).status).toBe(200);
  });

  it('answers 404 for a set 7pace does not have, naming those served', async () => {
    const unknown = await feed(bobsToken, '/timeEntries');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('odata.no_such_set');
    expect(unknown.body.error.message).toMatch(/workItemsHierarchyAllLevels, budgets/);
  });
});
