import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { csvRecords, download } from '../support/export-download.js';
import { MutableClock } from '../support/mutable-clock.js';
import { HOUR, T0, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;
let bobToken: string;

interface Listed { id: string; name: string; color: string; isBillable: boolean; isActive: boolean }

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bobToken = await api.signIn('fabrikam', 'bob');
  bob = client(api, bobToken);
});
afterEach(() => api.close());

const names = (body: { data?: Listed[] }) => (body.data ?? []).map((t) => t.name);
const vacation = (hours: number, offsetHours: number, extra: object = {}) =>
  ({ timestamp: at(T0, -offsetHours * HOUR), length: hours * 3600, targetId: 'vacation', ...extra });

describe('managing targets', () => {
  it('starts every org with vacation, sick leave, meetings, training and support', async () => {
    const listed = await bob('GET', '/rest/targets');
    expect(listed.status).toBe(200);
    expect(names(listed.body)).toEqual(['Vacation', 'Sick leave', 'Meetings', 'Training', 'Support']);
    expect(listed.body.data[0]).toEqual({ id: 'vacation', name: 'Vacation', color: '#00b7c3', isBillable: false, isActive: true });
  });

  it('lets an Administrator add, rename, recolour and deactivate one; members then no longer see it', async () => {
    const created = await alice('POST', '/rest/targets', { name: ' Conference ', color: 'AA3300', isBillable: true });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(created.body.data).toEqual({ id, name: 'Conference', color: '#aa3300', isBillable: true, isActive: true });
    expect((await alice('PATCH', `/rest/targets/${id}`, { name: 'Conferences', isBillable: false })).body.data)
      .toMatchObject({ id, name: 'Conferences', isBillable: false });
    expect(names((await bob('GET', '/rest/targets')).body)).toContain('Conferences');

    expect((await alice('DELETE', `/rest/targets/${id}`)).body.data).toMatchObject({ id, isActive: false });
    expect(names((await bob('GET', '/rest/targets')).body)).not.toContain('Conferences');
    const all = await alice('GET', '/rest/targets?includeInactive=true');
    expect(all.body.data.find((t: Listed) => t.id === id)).toMatchObject({ name: 'Conferences', isActive: false });
    expect((await alice('PATCH', `/rest/targets/${id}`, { isActive: true })).body.data.isActive).toBe(true);
  });

  it('refuses a Member who manages targets or asks for the deactivated ones (403), and changes nothing', async () => {
    expect((await bob('POST', '/rest/targets', { name: 'Mine', color: '#000000' })).status).toBe(403);
    expect((await bob('PATCH', '/rest/targets/vacation', { name: 'Holidays' })).status).toBe(403);
    expect((await bob('DELETE', '/rest/targets/vacation')).status).toBe(403);
    expect((await bob('GET', '/rest/targets?includeInactive=true')).status).toBe(403);
    expect(names((await alice('GET', '/rest/targets?includeInactive=true')).body)).toEqual(['Vacation', 'Sick leave', 'Meetings', 'Training', 'Support']);
  });

  it('refuses a name in use (409), an unknown target (404) and a bad colour (400)', async () => {
    expect((await alice('POST', '/rest/targets', { name: 'vacation', color: '#000000' })).body.error?.code).toBe('target.duplicate_name');
    expect((await alice('PATCH', '/rest/targets/nope', { name: 'X' })).status).toBe(404);
    expect((await alice('POST', '/rest/targets', { name: 'X', color: 'red' })).status).toBe(400);
  });
});

describe('time on a target', () => {
  it('is a worklog with a targetId and no work item, not billable when the target is not', async () => {
    const added = await bob('POST', '/rest/workLogs', vacation(8, 30));
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ targetId: 'vacation', workItemId: null, billableLength: 0, flags: { isBillable: false } });
    const support = await bob('POST', '/rest/workLogs', { timestamp: at(T0, -4 * HOUR), length: 1800, targetId: 'support' });
    expect(support.body.data).toMatchObject({ targetId: 'support', billableLength: 1800 });
    const read = await bob('GET', `/rest/workLogs/${added.body.data.id}`);
    expect(read.body.data.targetId).toBe('vacation');
  });

  it('is refused with a work item as well (422), in a body, a batch item and a change', async () => {
    const both = await bob('POST', '/rest/workLogs', vacation(1, 30, { workItemId: 3 }));
    expect(both.status).toBe(422);
    expect(both.body.error?.code).toBe('worklog.work_item_and_target');
    const batch = await bob('POST', '/rest/workLogs/batch', [vacation(1, 30), vacation(1, 20, { workItemId: 3 })]);
    expect(batch.status).toBe(422);
    expect(batch.body.error?.details).toEqual([expect.objectContaining({ index: 1, code: 'worklog.work_item_and_target' })]);
    const onItem = await bob('POST', '/rest/workLogs', { timestamp: at(T0, -10 * HOUR), length: 600, workItemId: 3 });
    expect((await bob('PATCH', `/rest/workLogs/${onItem.body.data.id}`, { targetId: 'training' })).status).toBe(422);
    const moved = await bob('PATCH', `/rest/workLogs/${onItem.body.data.id}`, { targetId: 'training', workItemId: null });
    expect(moved.body.data).toMatchObject({ targetId: 'training', workItemId: null });
    expect((await bob('GET', '/rest/workLogs?$count=10')).body.data).toHaveLength(1);
  });

  it('is refused on an unknown or deactivated target (422), while worklogs already on it stay changeable', async () => {
    expect((await bob('POST', '/rest/workLogs', { ...vacation(1, 30), targetId: 'nope' })).body.error?.code).toBe('worklog.unknown_target');
    const kept = await bob('POST', '/rest/workLogs', vacation(1, 30));
    await alice('DELETE', '/rest/targets/vacation');
    expect((await bob('POST', '/rest/workLogs', vacation(1, 20))).body.error?.code).toBe('worklog.inactive_target');
    expect((await bob('PATCH', `/rest/workLogs/${kept.body.data.id}`, { comment: 'Lisbon' })).status).toBe(200);
  });

  it('is tracked: startTracking with a targetId leaves a worklog on the target', async () => {
    const started = await bob('POST', '/tracking/client/startTracking', { targetId: 'meetings' });
    expect(started.status).toBe(200);
    expect(started.body.data.tracker).toMatchObject({ workItemId: null, targetId: 'meetings', isBillable: false });
    expect((await bob('GET', '/tracking/client/current')).body.data.tracker.targetId).toBe('meetings');
    api.clock.advance(HOUR / 2);
    const stopped = await bob('POST', '/tracking/client/stopTracking');
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ targetId: 'meetings', workItemId: null, length: 1800, flags: { isTracked: true } });
    const both = await bob('POST', '/tracking/client/startTracking', { targetId: 'meetings', workItemId: 3 });
    expect(both.status).toBe(422);
  });
});

describe('targets in the timesheet, reports and exports', () => {
  beforeEach(async () => {
    expect((await bob('POST', '/rest/workLogs/batch', [
      vacation(8, 72), vacation(8, 48),
      { timestamp: at(T0, -3 * HOUR), length: 3600, targetId: 'meetings' },
      { timestamp: at(T0, -2 * HOUR), length: 1800, workItemId: 3 },
      { timestamp: at(T0, -1 * HOUR), length: 600, comment: 'phone call' },
    ])).status).toBe(201);
  });

  it('gives each target a timesheet row with its name and colour, beside the work items', async () => {
    const sheet = (await bob('GET', '/timesheet?from=2025-01-01&to=2025-01-07')).body.data;
    const rows = sheet.rows.map((r: { workItemId: number | null; targetId: string | null; title: string; color: string | null; totalSeconds: number }) =>
      [r.workItemId, r.targetId, r.title, r.color, r.totalSeconds]);
    expect(rows).toEqual([
      [3, null, expect.any(String), null, 1800],
      [null, 'meetings', 'Meetings', '#8764b8', 3600],
      [null, 'vacation', 'Vacation', '#00b7c3', 16 * 3600],
      [null, null, null, null, 600],
    ]);
  });

  it('groups and filters reports by target', async () => {
    const byTarget = (await bob('GET', '/reports/time?from=2025-01-01&to=2025-01-31&groupBy=target')).body.data;
    expect(byTarget.rows.map((r: { targetId: string | null; length: number }) => [r.targetId, r.length]))
      .toEqual([[null, 2400], ['meetings', 3600], ['vacation', 16 * 3600]]);
    const onlyVacation = (await bob('GET', '/reports/time?from=2025-01-01&to=2025-01-31&groupBy=day&targets=vacation')).body.data;
    expect(onlyVacation.rows.map((r: { day: string; length: number }) => [r.day, r.length])).toEqual([['2025-01-03', 8 * 3600], ['2025-01-04', 8 * 3600]]);
    expect(onlyVacation.totals.length).toBe(16 * 3600);
  });

  it('names the target in the worklog export and in the report export', async () => {
    const worklogs = csvRecords((await download(api, bobToken, '/exports/workLogs?format=csv')).bytes);
    expect(worklogs.map((r) => [r['Work item'], r.Target])).toEqual([['', 'Vacation'], ['', 'Vacation'], ['', 'Meetings'], ['3', ''], ['', '']]);
    const report = csvRecords((await download(api, bobToken, '/exports/reports/time?format=csv&from=2025-01-01&to=2025-01-31&groupBy=target&targets=vacation,meetings')).bytes);
    expect(report).toEqual([
      { Target: 'Meetings', Hours: '1', 'Billable hours': '0', Worklogs: '1' },
      { Target: 'Vacation', Hours: '16', 'Billable hours': '0', Worklogs: '2' },
    ]);
  });

  it("answers TargetId and TargetName in OData's workLogsOnly, and sums by TargetId", async () => {
    const odata = async (query: string) => {
      const res = await fetch(`${api.url}/api/odata/v3.2/workLogsOnly?${query}`, { headers: { authorization: `Bearer ${bobToken}` } });
      return (await res.json()) as { value: Record<string, unknown>[] };
    };
    const onVacation = await odata(`$filter=${encodeURIComponent("TargetId eq 'vacation'")}&$select=TargetId,TargetName,WorkItemId`);
    expect(onVacation.value).toEqual([
      { TargetId: 'vacation', TargetName: 'Vacation', WorkItemId: null },
      { TargetId: 'vacation', TargetName: 'Vacation', WorkItemId: null },
    ]);
    const sums = await odata(`$apply=${encodeURIComponent('groupby((TargetId),aggregate(PeriodLength with sum as Total))')}`);
    expect(sums.value).toEqual(expect.arrayContaining([{ TargetId: 'vacation', Total: 16 * 3600 }, { TargetId: 'meetings', Total: 3600 }, { TargetId: null, Total: 2400 }]));
  });
});
