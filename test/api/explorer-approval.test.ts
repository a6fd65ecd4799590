import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { IN_LAST_WEEK, buildApprovalWorld, type ApprovalWorld } from '../support/approval-world.js';
import { csvRecords, download } from '../support/export-download.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0, aWorklog } from '../support/worklog-builder.js';

/** Issue 13: the Times Explorer narrows by approval state, as the reports do. */
let api: TestApi;
let w: ApprovalWorld;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  w = await buildApprovalWorld(api);
});
afterEach(() => api.close());

const RANGE = 'from=2024-12-01T00:00:00Z&to=2025-01-31T00:00:00Z';

describe('GET /api/explorer/workLogs?approval=', () => {
  it('shows only the worklogs on days in weeks in the states asked for', async () => {
    const approvedTime = await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK, length: 3600 }));
    const openTime = await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-06T07:00:00Z', length: 1800 }));
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    const shown = async (approval: string) => {
      const res = await w.actors.teamLead('GET', `/explorer/workLogs?${RANGE}&userIds=${w.carolId}&approval=${approval}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.data.items as { id: string }[]).map((row) => row.id);
    };
    expect(await shown('approved')).toEqual([approvedTime.body.data.id]);
    expect(await shown('open')).toEqual([openTime.body.data.id]);
    expect(await shown('submitted,closed')).toEqual([]);
    expect(await shown('approved,open')).toEqual([approvedTime.body.data.id, openTime.body.data.id]);
    // Across everyone the caller may see, too: only carol's approved week.
    const everyone = await w.alice('GET', `/explorer/workLogs?${RANGE}&approval=approved`);
    expect((everyone.body.data.items as { id: string }[]).map((row) => row.id)).toEqual([approvedTime.body.data.id]);
  });

  it("narrows the grid's export the same way", async () => {
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: IN_LAST_WEEK, length: 3600 }));
    await w.carol('POST', '/rest/workLogs', aWorklog({ timestamp: '2025-01-06T07:00:00Z', length: 1800 }));
    await w.carolSubmits();
    await w.decide(w.actors.teamLead, 'approve');
    const exported = async (approval: string) =>
      csvRecords((await download(api, w.tokens.teamLead, `/exports/workLogs?format=csv&${RANGE}&userIds=${w.carolId}&approval=${approval}`)).bytes).length;
    expect(await exported('approved')).toBe(1);
    expect(await exported('open,approved')).toBe(2);
    expect(await exported('submitted')).toBe(0);
  });

  it('refuses a state it does not know (400), naming the parameter', async () => {
    const res = await w.alice('GET', `/explorer/workLogs?${RANGE}&approval=pending`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('approval');
  });
});
