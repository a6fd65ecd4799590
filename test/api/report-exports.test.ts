import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { csvRecords, download, memberNamed, xlsxRecords } from '../support/export-download.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';

let api: TestApi;
let world: RoleWorld;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildRoleWorld(api);
});
afterAll(() => api.close());

const RUTH = 'Ruth Ørsted, "R" Jr.';

describe('GET /api/exports/reports/time: the report as a file', () => {
  let ruth: Awaited<ReturnType<typeof memberNamed>>;
  const query = 'from=2025-03-01&to=2025-03-31&groupBy=user,activityType';
  beforeAll(async () => {
    ruth = await memberNamed(api, 'fabrikam', 'ruth', RUTH);
    const add = async (body: object) => expect((await ruth.call('POST', '/rest/workLogs', body)).status).toBe(201);
    await add({ timestamp: '2025-03-03T09:00:00Z', length: 5400, billableLength: 3600, workItemId: 7, activityTypeId: 'meeting' });
    await add({ timestamp: '2025-03-04T09:00:00Z', length: 1800, billableLength: 0, workItemId: 7, activityTypeId: 'meeting' });
    await add({ timestamp: '2025-03-05T09:00:00Z', length: 3600, workItemId: 8, activityTypeId: 'development' });
  });

  it('writes the rows of GET /reports/time with names for users and activity types, hours as numbers', async () => {
    const report = await ruth.call('GET', `/reports/time?${query}`);
    expect(report.status).toBe(200);
    const res = await download(api, ruth.token, `/exports/reports/time?${query}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="time-report-fabrikam-2025-03-01-2025-03-31.csv"');
    expect(csvRecords(res.bytes)).toEqual([
      { User: RUTH, 'Activity Type': 'Development', Hours: '1', 'Billable hours': '1', Worklogs: '1' },
      { User: RUTH, 'Activity Type': 'Meeting', Hours: '2', 'Billable hours': '1', Worklogs: '2' },
    ]);
    expect(report.body.data.rows).toHaveLength(2);

    const xlsx = await xlsxRecords((await download(api, ruth.token, `/exports/reports/time?${query}&format=xlsx`)).bytes);
    expect(xlsx).toEqual([
      { User: RUTH, 'Activity Type': 'Development', Hours: 1, 'Billable hours': 1, Worklogs: 1 },
      { User: RUTH, 'Activity Type': 'Meeting', Hours: 2, 'Billable hours': 1, Worklogs: 2 },
    ]);
  });

  it('writes days as dates, work items as numbers and the billable flag as words', async () => {
    const res = await download(api, ruth.token, '/exports/reports/time?from=2025-03-01&to=2025-03-31&groupBy=day,billable&format=xlsx');
    const rows = await xlsxRecords(res.bytes);
    expect(rows[0]).toEqual({ Day: new Date('2025-03-03T00:00:00Z'), Billable: 'Billable', Hours: 1.5, 'Billable hours': 1, Worklogs: 1 });
    expect(rows.map((r) => r.Billable)).toEqual(['Billable', 'Not billable', 'Billable']);
    const byItem = csvRecords((await download(api, ruth.token, '/exports/reports/time?from=2025-03-01&to=2025-03-31&groupBy=workItem&format=csv')).bytes);
    expect(byItem.map((r) => [r['Work Item'], r.Hours])).toEqual([['7', '2'], ['8', '1']]);
  });

  it("names each work item by its title and type beside its id, in the report's rows and in both files", async () => {
    const reschedule = 'As a customer I can reschedule an appointment online';
    const signIn = 'As a customer I sign in with my Microsoft account';
    const search = 'from=2025-03-01&to=2025-03-31&groupBy=workItem,billable';
    const report = await ruth.call('GET', `/reports/time?${search}`);
    expect(report.body.data.rows.map((r: Record<string, unknown>) => [r.workItemId, r.workItemTitle, r.workItemType, r.billable])).toEqual([
      [7, reschedule, 'User Story', false], [7, reschedule, 'User Story', true], [8, signIn, 'User Story', true],
    ]);
    const csv = csvRecords((await download(api, ruth.token, `/exports/reports/time?${search}&format=csv`)).bytes);
    expect(csv[0]).toEqual({ 'Work Item': '7', 'Work item title': reschedule, 'Work item type': 'User Story', Billable: 'Not billable', Hours: '0.5', 'Billable hours': '0', Worklogs: '1' });
    const xlsx = await xlsxRecords((await download(api, ruth.token, `/exports/reports/time?${search}&format=xlsx`)).bytes);
    expect(xlsx.map((r) => [r['Work Item'], r['Work item title'], r['Work item type']])).toEqual([[7, reschedule, 'User Story'], [7, reschedule, 'User Story'], [8, signIn, 'User Story']]);
  });

  it('keeps the report rules: a Member gets no one else’s time, a bad query answers 400 as JSON', async () => {
    const others = await download(api, world.tokens.member, `/exports/reports/time?${query}&format=csv&users=${world.carolId}`);
    expect(others.status).toBe(403);
    expect(others.error?.code).toBe('auth.forbidden');
    const wide = await download(api, ruth.token, '/exports/reports/time?from=2024-01-01&to=2025-03-31&groupBy=user&format=csv');
    expect(wide.status).toBe(400);
    expect(wide.error?.message).toContain('366 days');
    const noFormat = await download(api, ruth.token, `/exports/reports/time?${query}`);
    expect(noFormat.status).toBe(400);
    expect(noFormat.error?.message).toContain('query.format');
  });
});
