import { afterEach, describe, expect, it, vi } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { HOUR, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
afterEach(async () => api?.close());

describe('the work item check of a worklog write', () => {
  it('asks Azure DevOps about a work item once, then answers from the org cache while it is fresh', async () => {
    api = await startTestApi({ clock: new MutableClock(T0) });
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    const directory = api.app.ports.directory;
    const asked = [vi.spyOn(directory, 'workItems'), vi.spyOn(directory, 'workItemDetails')];
    const calls = () => asked.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -3 * HOUR), workItemId: 3 }))).status).toBe(201);
    const first = calls();
    expect(first).toBeLessThanOrEqual(1);
    for (const hours of [2, 1]) expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -hours * HOUR), workItemId: 3 }))).status).toBe(201);
    expect(calls()).toBe(first);

    const unknown = await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(T0, -5 * HOUR), workItemId: 999 }));
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body.error)).toContain('worklog.unknown_work_item');
  });
});
