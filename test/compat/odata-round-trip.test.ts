import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCompatWorld, type CompatWorld } from './compat-world.js';

/**
 * The round trip a team moving from 7pace relies on: worklogs written through 7pace's
 * batch (local times without an offset, per-item userId, 7pace's casing) read back the
 * same through REST and through the OData feed, to the second.
 */
let world: CompatWorld;
beforeAll(async () => {
  world = await startCompatWorld();
});
afterAll(() => world.api.close());

const batch = () => [
  { timeStamp: '2025-01-02T09:00:00', length: 3600, billableLength: 1800, workItemId: '4', comment: 'review', timeZone: 60 },
  { timeStamp: '2025-01-02T13:15:30', length: 905, workItemId: 5, timeZone: 60 },
  { TimeStamp: '2025-01-03T07:00:00Z', Length: 600, Comment: 'standup only', userId: world.idOf('carol') },
  { timeStamp: '2025-01-03T22:45:00', length: 1200, workItemId: 6, timeZone: -300 },
];

it('agrees to the second between the batch, REST and OData', async () => {
  const written = await world.alice('POST', '/rest/workLogs/batch?$validateOnly=false', batch());
  expect(written.status, JSON.stringify(written.body).slice(0, 300)).toBeLessThan(300);

  const rest = [
    ...(await world.alice('GET', '/rest/workLogs/all?$fromTimestamp=2025-01-01&$count=500')).body.data,
  ] as { id: string; timestamp: string; localTimestamp: string; length: number; billableLength: number; workItemId: number | null; comment: string | null; user: { id: string }; createdTimestamp: string; activityType: { id: string } }[];
  const odata = (await world.alice('GET', `/odata/v3.2/workLogsOnly?$filter=${encodeURIComponent('Timestamp ge 2025-01-01T00:00:00Z')}`)).body.value as Record<string, unknown>[];
  expect(rest).toHaveLength(4);
  expect(odata).toHaveLength(4);

  const byId = new Map(odata.map((row) => [row.Id, row]));
  for (const worklog of rest) {
    const row = byId.get(worklog.id)!;
    expect(row, worklog.id).toBeDefined();
    const seconds = (text: unknown) => Math.floor(Date.parse(String(text)) / 1000);
    expect(seconds(row.Timestamp)).toBe(seconds(worklog.timestamp));
    expect(String(row.Timestamp).slice(0, 19)).toBe(worklog.localTimestamp);
    expect(seconds(row.CreatedTimestamp)).toBe(seconds(worklog.createdTimestamp));
    expect(row).toMatchObject({
      PeriodLength: worklog.length, BillablePeriodLength: worklog.billableLength, WorkItemId: worklog.workItemId,
      Comment: worklog.comment, UserId: worklog.user.id,
    });
    expect(row.ActivityTypeId ?? '00000000-0000-0000-0000-000000000000').toBe(worklog.activityType.id);
  }
  // The batch's local times are the users' wall clocks: 09:00 at UTC+1 is 08:00Z; 22:45 at UTC-5 the next day's 03:45Z.
  expect(odata.map((row) => row.Timestamp).sort()).toEqual(['2025-01-02T09:00:00+01:00', '2025-01-02T13:15:30+01:00', '2025-01-03T07:00:00Z', '2025-01-03T22:45:00-05:00']);
});
