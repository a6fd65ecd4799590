import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { MINUTE, aWorklog } from '../support/worklog-builder.js';

/** The week of Monday 2025-01-06, seen from the Monday after. */
const NOW = '2025-01-13T09:00:00Z';
const WEEK = '?from=2025-01-06&to=2025-01-12';
const TITLE_1 = 'Fiber customer self-service portal';
const TITLE_3 = 'Outage notifications by SMS';

let api: TestApi;
let bob: ReturnType<typeof client>;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(NOW) });
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

interface Cell { day: string; seconds: number; billableSeconds: number; worklogIds: string[] }
interface Row { workItemId: number | null; title: string | null; totalSeconds: number; cells: Cell[] }

const timesheet = async (query = WEEK, as = bob) => as('GET', `/timesheet${query}`);
const nonEmpty = (row: Row) => row.cells.filter((c) => c.seconds > 0).map((c) => [c.day, c.seconds, c.billableSeconds, c.worklogIds]);

describe('GET /api/timesheet', () => {
  it('lays the week out per local day and work item, with titles, totals and the worklogs behind each cell', async () => {
    const entries = {
      a: aWorklog({ timestamp: '2025-01-06T08:00:00Z', length: 3600, workItemId: 1 }),
      b: aWorklog({ timestamp: '2025-01-06T10:00:00Z', length: 1800, workItemId: 1, billableLength: 0 }),
      c: aWorklog({ timestamp: '2025-01-07T09:00:00Z', length: 7200, workItemId: 3 }),
      // 23:30 UTC is 00:30 the next day in Berlin (UTC+1 in January).
      d: aWorklog({ timestamp: '2025-01-07T23:30:00Z', length: 1800, workItemId: 1, timeZone: 'Europe/Berlin' }),
      e: aWorklog({ timestamp: '2025-01-08T12:00:00Z', length: 900, workItemId: null, comment: 'standup' }),
      // Sunday before the week in UTC, Monday in Berlin: it belongs to this week.
      f: aWorklog({ timestamp: '2025-01-05T23:30:00Z', length: 2700, workItemId: 3, timeZone: 'Europe/Berlin' }),
      // An offset written in the timestamp decides the day too: 01:00 on the 9th at +02:00.
      h: aWorklog({ timestamp: '2025-01-09T01:00:00+02:00', length: 3600, workItemId: 3 }),
      // Sunday evening in UTC, Monday 00:30 in Berlin: the next week.
      g: aWorklog({ timestamp: '2025-01-12T23:30:00Z', length: 600, workItemId: 1, timeZone: 'Europe/Berlin' }),
    };
    const created = await bob('POST', '/rest/workLogs/batch', Object.values(entries));
    expect(created.status).toBe(201);
    const id = Object.fromEntries(Object.keys(entries).map((key, i) => [key, created.body.data[i].id as string]));

    const res = await timesheet();
    expect(res.status).toBe(200);
    const sheet = res.body.data as { from: string; to: string; days: { day: string; totalSeconds: number; billableSeconds: number }[]; rows: Row[]; totalSeconds: number; worklogs: { id: string; localDay: string }[] };
    expect(sheet.from).toBe('2025-01-06');
    expect(sheet.to).toBe('2025-01-12');

    expect(sheet.rows.map((r) => [r.workItemId, r.title, r.totalSeconds])).toEqual([
      [1, TITLE_1, 7200],
      [3, TITLE_3, 13_500],
      [null, null, 900],
    ]);
    expect(sheet.rows.every((r) => r.cells.length === 7)).toBe(true);
    expect(nonEmpty(sheet.rows[0]!)).toEqual([
      ['2025-01-06', 5400, 3600, [id.a, id.b]],
      ['2025-01-08', 1800, 1800, [id.d]],
    ]);
    expect(nonEmpty(sheet.rows[1]!)).toEqual([
      ['2025-01-06', 2700, 2700, [id.f]],
      ['2025-01-07', 7200, 7200, [id.c]],
      ['2025-01-09', 3600, 3600, [id.h]],
    ]);
    expect(nonEmpty(sheet.rows[2]!)).toEqual([['2025-01-08', 900, 900, [id.e]]]);

    expect(sheet.days).toEqual([
      { day: '2025-01-06', totalSeconds: 8100, billableSeconds: 6300 },
      { day: '2025-01-07', totalSeconds: 7200, billableSeconds: 7200 },
      { day: '2025-01-08', totalSeconds: 2700, billableSeconds: 2700 },
      { day: '2025-01-09', totalSeconds: 3600, billableSeconds: 3600 },
      { day: '2025-01-10', totalSeconds: 0, billableSeconds: 0 },
      { day: '2025-01-11', totalSeconds: 0, billableSeconds: 0 },
      { day: '2025-01-12', totalSeconds: 0, billableSeconds: 0 },
    ]);
    expect(sheet.totalSeconds).toBe(21_600);
    expect(sheet.worklogs.map((w) => w.id)).toEqual([id.f, id.a, id.b, id.c, id.d, id.e, id.h]);
    expect(sheet.worklogs.find((w) => w.id === id.d)?.localDay).toBe('2025-01-08');

    const nextWeek = (await timesheet('?from=2025-01-13&to=2025-01-19')).body.data;
    expect(nextWeek.worklogs.map((w: { id: string }) => w.id)).toEqual([id.g]);
  });

  it('puts tracked time on the local day of the time zone the tracker started in', async () => {
    api.clock.set('2025-01-09T23:30:00Z');
    bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 3, timeZone: 'Europe/Berlin' })).status).toBe(200);
    api.clock.advance(20 * MINUTE);
    const stopped = await bob('POST', '/tracking/client/stopTracking');
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ localDay: '2025-01-10', utcOffsetMinutes: 60 });

    const row = (await timesheet()).body.data.rows[0] as Row;
    expect(nonEmpty(row)).toEqual([['2025-01-10', 1200, 1200, [stopped.body.data.stoppedWorklog.id]]]);
  });

  it("shows only the caller's own time", async () => {
    const carol = client(api, await api.signIn('fabrikam', 'carol'));
    expect((await carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-07T09:00:00Z' }))).status).toBe(201);
    const sheet = (await timesheet()).body.data;
    expect(sheet.rows).toEqual([]);
    expect(sheet.totalSeconds).toBe(0);
    expect(sheet.days).toHaveLength(7);
  });

  it('accepts 31 days', async () => {
    const res = await timesheet('?from=2025-01-01&to=2025-01-31');
    expect(res.status).toBe(200);
    expect(res.body.data.days).toHaveLength(31);
  });

  it.each([
    ['more than 31 days', '?from=2025-01-01&to=2025-02-01', 'at most 31 days'],
    ['from after to', '?from=2025-01-12&to=2025-01-06', 'from must not be after to'],
    ['a day that is not a date', '?from=2025-01-06&to=2025-02-30', 'query.to'],
    ['a missing end', '?from=2025-01-06', 'query.to'],
    ['the year 0', '?from=0000-01-01&to=0000-01-07', 'between 1970-01-01 and 2099-12-31'],
    ['a timestamp for a day', '?from=2025-01-06T00:00:00Z&to=2025-01-12', 'query.from'],
  ])('answers 400 to %s', async (_case, query, mentions) => {
    const res = await timesheet(query);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('request.invalid');
    expect(res.body.error?.message).toContain(mentions);
  });
});
