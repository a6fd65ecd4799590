import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTrackingPolicy } from '../support/tracking-policy-builder.js';
import { MINUTE } from '../support/worklog-builder.js';
import { NOT_SET, startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §3: tracking calls answer `TrackingStateModel {track, trackSettings, settings}` (T1's models). */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

const T = '/tracking/client';

describe('the TrackingStateModel answer', () => {
  it("carries 7pace's track: tfsId, remark, lengths in seconds, local wall-clock times and the zone in minutes", async () => {
    const started = await w.bob('POST', `${T}/startTracking?api-version=3.2`, { tfsId: 2, remark: 'string', timeZone: 120 });
    expect(Object.keys(started.body.data)).toEqual(expect.arrayContaining(['track', 'trackSettings', 'settings']));
    w.api.clock.advance(5 * MINUTE);
    const { data } = (await w.bob('GET', `${T}/current?api-version=3.2`)).body;
    expect(data.track).toEqual({
      tfsId: 2, remark: 'string', activityTypeId: 'development', workItem: { id: 2 },
      trackingState: 0, stoppedTrackType: 0, activityCheck: { isRunning: false, secondsLeft: null },
      currentTrackLength: 300, totalMeTodayLength: null, totalMeLength: null, totalTeamLength: null, trackAdjustmentLength: 0,
      // T0 is 09:00 UTC: 11:00 at UTC+2, written without an offset as 7pace writes local time.
      currentTrackStartedDateTime: '2025-01-06T11:00:00', trackStatusChangeDate: '2025-01-06T11:00:00', trackTimeZone: 120,
    });
    expect(data.trackSettings).toEqual({ isTrackingStartAllowed: true, responseState: 'OK', responseMessage: null });
    // The poll without $expand reads no settings.
    expect(data.settings).toBeNull();
  });

  it('with $expand: settings (activity types with [Not Set], the user) and the work item in detail', async () => {
    await w.bob('POST', `${T}/startTracking`, { tfsId: 1 });
    const { data } = (await w.bob('GET', `${T}/current/true?api-version=3.2`)).body;
    expect(data.track.workItem).toMatchObject({ id: 1, title: 'Fiber customer self-service portal', type: 'Epic', workItemLink: expect.stringContaining('/_workitems/edit/1') });
    expect(data.settings.activityType).toMatchObject({ isEnabled: true, defaultActivity: 'development' });
    expect(data.settings.activityType.activityTypes[0]).toEqual({ id: NOT_SET, color: 'ffffff', name: '[Not Set]', isDefault: false, isNotSet: true });
    expect(data.settings.userInfo).toMatchObject({ userId: w.idOf('bob'), userName: 'Bob Brandt', userUniqueName: 'bob@fabrikam.example' });
  });

  it('shows a waiting activity check as trackingState 3 with the seconds left to answer', async () => {
    expect((await w.alice('PUT', '/settings/tracking', aTrackingPolicy({ intervalMinutes: 1, waitingSeconds: 60 }))).status).toBe(200);
    await w.bob('POST', `${T}/startTracking`, { tfsId: 1 });
    w.api.clock.advance(MINUTE + 20_000);
    const { track } = (await w.bob('GET', `${T}/current`)).body.data;
    expect(track).toMatchObject({ trackingState: 3, activityCheck: { isRunning: true, secondsLeft: 40 } });
    const answered = (await w.bob('POST', `${T}/activityCheck?api-version=3.2`)).body.data;
    expect(answered.track).toMatchObject({ trackingState: 0, activityCheck: { isRunning: false } });
  });

  it('answers bare on api-version 2.1 (as T1 reads it), errors still in their envelope', async () => {
    const res = await w.bob('GET', `${T}/current?api-version=2.1`);
    expect(res.body).toMatchObject({ track: null, trackSettings: { responseState: 'OK' } });
    const refused = await w.bob('POST', `${T}/stopTracking/0?api-version=2.1`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ statusCode: 409 });
  });
});
