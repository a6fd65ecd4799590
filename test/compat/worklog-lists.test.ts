import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';
import { startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §2.3: the worklog list parameters, with 7pace's names and strict bounds. */
let w: CompatWorld;
beforeEach(async () => {
  w = await startCompatWorld();
  // Five of bob's worklogs, one a day at 09:00 UTC, the last at T0; the first two created a day earlier.
  w.api.clock.set(new Date(at(T0, -DAY)));
  await w.bob('POST', '/rest/workLogs/batch', [at(T0, -4 * DAY), at(T0, -3 * DAY)].map((timeStamp) => ({ timeStamp, length: 1800, workItemId: 1 })));
  w.api.clock.set(new Date(T0));
  await w.bob('POST', '/rest/workLogs/batch', [at(T0, -2 * DAY), at(T0, -DAY), T0].map((timeStamp, i) => ({ timeStamp, length: 1800, workItemId: i + 1 })));
});
afterEach(() => w.api.close());

const starts = async (query: string, as = w.bob) => {
  const res = await as('GET', `/rest/workLogs?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as { timestamp: string }[]).map((l) => l.timestamp);
};

describe('GET /api/rest/workLogs', () => {
  it('bounds strictly: $fromTimestamp means after, $toTimestamp before', async () => {
    expect(await starts(`$fromTimestamp=${at(T0, -2 * DAY)}&$toTimestamp=${T0}`)).toEqual([at(T0, -DAY)]);
  });

  it("takes 7pace's bare dates and local times without an offset (the user's zone; UTC until one is set)", async () => {
    expect(await starts('$fromTimestamp=2025-01-04&$toTimestamp=2025-01-05T09:00:00')).toEqual([at(T0, -2 * DAY)]);
    await w.bob('PUT', '/rest/me/settings', { emailNotificationsOnTracking: true, timeZone: 'Asia/Tokyo' });
    // 2025-01-05T18:00 in Tokyo is 09:00 UTC: strictly after it leaves the 4th's and 5th's out.
    expect(await starts('$fromTimestamp=2025-01-05T18:00:00')).toEqual([T0]);
  });

  it('takes $top for $count, $expand=user.displayName, and the keys as _name or %24name', async () => {
    expect(await starts('$top=2')).toEqual([at(T0, -4 * DAY), at(T0, -3 * DAY)]);
    const expanded = await w.bob('GET', '/rest/workLogs?$expand=user.displayName&$count=1');
    expect(expanded.body.data[0].user).toMatchObject({ displayName: 'Bob Brandt', uniqueName: 'bob@fabrikam.example' });
    expect(await starts(`_fromTimestamp=${at(T0, -DAY)}&_count=5&_skip=0`)).toEqual([T0]);
    expect(await starts(`%24fromTimestamp=${encodeURIComponent(at(T0, -DAY))}`)).toEqual([T0]);
  });

  it('filters on createdTimestamp with $fromCreatedTimestamp and $toCreatedTimestamp, strictly', async () => {
    expect(await starts(`$fromCreatedTimestamp=${at(T0, -DAY)}`)).toEqual([at(T0, -2 * DAY), at(T0, -DAY), T0]);
    expect(await starts(`$toCreatedTimestamp=${T0}`)).toEqual([at(T0, -4 * DAY), at(T0, -3 * DAY)]);
    expect(await starts(`$fromCreatedTimestamp=${at(T0, -DAY - 1000)}&$toCreatedTimestamp=${at(T0, -DAY + 1000)}`)).toEqual([at(T0, -4 * DAY), at(T0, -3 * DAY)]);
  });

  it('adds isCanEdit and isCanDelete with $includeEditable: the owner and Administrators may, a Team reader not', async () => {
    const own = await w.bob('GET', '/rest/workLogs?$includeEditable=true&$count=1');
    expect(own.body.data[0]).toMatchObject({ isCanEdit: true, isCanDelete: true });
    const plain = await w.bob('GET', '/rest/workLogs?$count=1');
    expect(plain.body.data[0]).not.toHaveProperty('isCanEdit');
    const byAdmin = await w.alice('GET', '/rest/workLogs/all?$includeEditable=true&$count=1');
    expect(byAdmin.body.data[0]).toMatchObject({ isCanEdit: true, isCanDelete: true });
    const one = await w.bob('GET', `/rest/workLogs/${own.body.data[0].id}?$includeEditable=true&$expand=user.displayName`);
    expect(one.body.data).toMatchObject({ id: own.body.data[0].id, isCanEdit: true });
  });

  it('pages with $skip and $count (at most 500) until a short page, as 7pace clients do', async () => {
    await w.bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(8, at(T0, -10 * DAY)));
    const seen: string[] = [];
    for (let skip = 0; ; skip += 5) {
      const page = await starts(`$count=5&$skip=${skip}`);
      seen.push(...page);
      if (page.length < 5) break;
    }
    expect(seen).toHaveLength(13);
    expect((await w.bob('GET', '/rest/workLogs?$count=501')).status).toBe(400);
  });

  it('refuses more than 100 $workItemIds with FilterWorkItemIdsCountExceeded', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    const res = await w.bob('GET', `/rest/workLogs?$workItemIds=${ids}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ statusCode: 400, errorCode: 'FilterWorkItemIdsCountExceeded' });
    expect(await starts(`$workItemIds=${ids.split(',').slice(0, 100).join(',')}&$fromTimestamp=${at(T0, -3 * HOUR)}`)).toEqual([T0]);
  });
});
