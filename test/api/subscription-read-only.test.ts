import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes/index.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, HOUR, MINUTE, T0, aWorklog, at } from '../support/worklog-builder.js';

/** One request per write endpoint, run after the trial has ended. `{id}` is bob's worklog. */
const WRITES: Record<string, { method: string; path: string; body?: unknown }> = {
  startTracking: { method: 'POST', path: '/tracking/client/startTracking', body: { workItemId: 2 } },
  addWorklog: { method: 'POST', path: '/rest/workLogs', body: aWorklog({ timestamp: at(T0, 30 * DAY) }) },
  addWorklogBatch: { method: 'POST', path: '/rest/workLogs/batch', body: [aWorklog({ timestamp: at(T0, 30 * DAY) })] },
  addWorklogBatchValidateOnly: { method: 'POST', path: '/rest/workLogs/batch?validateOnly=true', body: [aWorklog({ timestamp: at(T0, 30 * DAY) })] },
  updateWorklog: { method: 'PATCH', path: '/rest/workLogs/{id}', body: { comment: 'changed' } },
  deleteWorklog: { method: 'DELETE', path: '/rest/workLogs/{id}' },
};

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
});
afterEach(() => api.close());

describe('the route table', () => {
  const timeWrites = routes.filter((r) => r.writes === 'time').map((r) => r.name);

  it('marks every write to tracking or worklogs as a time write, or as finishing tracked time', () => {
    const unmarked = routes.filter((r) => ['Tracking', 'Worklogs'].includes(r.tag) && r.method !== 'GET' && !r.writes).map((r) => r.name);
    expect(unmarked).toEqual([]);
    expect(routes.filter((r) => r.writes === 'tracked').map((r) => r.name)).toContain('stopTracking');
  });

  it('has a read-only case below for every time write', () => {
    expect(timeWrites.sort()).toEqual(Object.keys(WRITES).filter((name) => !name.endsWith('ValidateOnly')).sort());
  });
});

describe('an expired trial makes the org read-only', () => {
  let bob: ReturnType<typeof client>;
  let worklogId: string;

  beforeEach(async () => {
    const early = client(api, await api.signIn('fabrikam', 'bob'));
    worklogId = (await early('POST', '/rest/workLogs', aWorklog())).body.data.id;
    api.clock.set(at(T0, 30 * DAY + HOUR));
    bob = client(api, await api.signIn('fabrikam', 'bob'));
  });

  it.each(Object.entries(WRITES))('%s answers 402 with the Buy now link and writes nothing', async (_name, request) => {
    const before = (await bob('GET', '/rest/workLogs')).body.data;
    const res = await bob(request.method, request.path.replace('{id}', worklogId), request.body);
    expect(res.status).toBe(402);
    expect(res.body.error?.code).toBe('billing.read_only');
    expect(res.body.error?.message).toMatch(/read-only until a billing admin buys a subscription at https:\/\//);
    expect((await bob('GET', '/rest/workLogs')).body.data).toEqual(before);
    expect((await bob('GET', '/tracking/client/current')).body.data.tracker).toBeNull();
  });

  it('keeps every read working: worklogs, one worklog, the timesheet, everyone\'s worklogs, the subscription', async () => {
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    for (const [who, path] of [
      [bob, '/rest/workLogs'], [bob, `/rest/workLogs/${worklogId}`], [bob, '/timesheet?from=2025-01-06&to=2025-01-12'],
      [bob, '/tracking/client/current'], [alice, '/rest/workLogs/all'], [alice, '/subscription'], [bob, '/rest/me'],
    ] as const) {
      expect((await who('GET', path)).status, path).toBe(200);
    }
  });
});

describe('a tracker running when the trial ends', () => {
  it('can still be stopped, so no tracked time is lost', async () => {
    await api.signIn('fabrikam', 'alice');
    api.clock.set(at(T0, 28 * DAY - 20 * MINUTE));
    let bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 3 })).status).toBe(200);
    api.clock.advance(30 * MINUTE);
    bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/tracking/client/startTracking', { workItemId: 4 })).status).toBe(402);

    const stopped = await bob('POST', '/tracking/client/stopTracking');
    expect(stopped.status).toBe(200);
    expect(stopped.body.data.stoppedWorklog).toMatchObject({ workItemId: 3, length: 30 * 60 });
  });
});
