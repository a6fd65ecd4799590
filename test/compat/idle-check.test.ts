import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { HOUR, MINUTE, SECOND, at } from '../support/worklog-builder.js';
import { sender, startCompatWorld, type CompatWorld, type Send } from './compat-world.js';

/** 7PACE-API.md §3: `POST idleCheck/{selectedOption}` postpones the running tracker's next activity check. */
let w: CompatWorld;
let bob: Send;
beforeEach(async () => {
  w = await startCompatWorld();
  // An API token, so that Bob stays signed in while hours pass on the clock.
  bob = sender(w.api, (await w.bob('POST', '/rest/apiTokens', { name: 'idle', expiresInDays: 30 })).body.data.token);
  // Checks every 30 minutes; a tracker may run 24 hours. T0 is Monday 2025-01-06 09:00 UTC.
  expect((await w.alice('PUT', '/settings/tracking', aTrackingPolicy({ intervalMinutes: 30, waitingSeconds: 300, maxTrackLengthHours: 24 }))).status).toBe(200);
});
afterEach(() => w.api.close());

const T = '/tracking/client';
async function passTime(ms: number) {
  w.api.clock.advance(ms);
  await w.api.worker.runDue();
}
const check = async () => (await bob('GET', `${T}/current?api-version=3.2`)).body.data.tracker.activityCheck;

describe('idleCheck', () => {
  it('0 (path form): answers the waiting check, and the next one comes an hour later instead of an interval', async () => {
    await bob('POST', `${T}/startTracking?api-version=3.2`, { tfsId: 1, timeZone: 60 });
    await passTime(30 * MINUTE);
    expect(await check()).not.toBeNull();
    const postponed = await bob('POST', `${T}/idleCheck/0?api-version=3.2`);
    expect(postponed.status).toBe(200);
    expect(postponed.body.data).toMatchObject({ track: { tfsId: 1, trackingState: 0, activityCheck: { isRunning: false } }, tracker: { activityCheck: null } });
    await passTime(HOUR - SECOND);
    expect(await check()).toBeNull();
    await passTime(SECOND);
    expect(await check()).toMatchObject({ dueAt: at(w.api.clock.now()) });
  });

  it("1 ($selectedOption query form): no check until midnight in the tracker's zone", async () => {
    await bob('POST', `${T}/startTracking?api-version=3.2`, { tfsId: 1, timeZone: 60 });
    expect((await bob('POST', `${T}/idleCheck?api-version=3.2&$selectedOption=1`)).status).toBe(200);
    // Local midnight at UTC+1 is 23:00 UTC, 14 hours after the start.
    await passTime(14 * HOUR - SECOND);
    expect(await check()).toBeNull();
    await passTime(SECOND);
    expect(await check()).toMatchObject({ dueAt: '2025-01-06T23:00:00Z' });
  });

  it('2 (_selectedOption): next Monday is past the longest track, so the tracker runs unchecked until its maximum length', async () => {
    await bob('POST', `${T}/startTracking`, { workItemId: 1, timeZone: 'Europe/Berlin' });
    expect((await bob('POST', `${T}/idleCheck?_selectedOption=2`)).status).toBe(200);
    await passTime(24 * HOUR - SECOND);
    expect(await check()).toBeNull();
    await passTime(SECOND);
    expect((await bob('GET', `${T}/current`)).body.data.tracker).toBeNull();
    const [worklog] = (await bob('GET', '/rest/workLogs')).body.data;
    expect(worklog).toMatchObject({ length: 24 * 3600, stopReason: 'Track length exceeded' });
  });

  it('refuses an unknown option with 400, and answers 409 when no tracker runs', async () => {
    expect((await bob('POST', `${T}/idleCheck/3`)).status).toBe(400);
    expect((await bob('POST', `${T}/idleCheck?$selectedOption=banana`)).status).toBe(400);
    const none = await bob('POST', `${T}/idleCheck/1?api-version=3.2`);
    expect(none.status).toBe(409);
    expect(none.body.error).toMatchObject({ code: 'tracking.not_running', statusCode: 409 });
  });
});
