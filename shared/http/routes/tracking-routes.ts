import { startTrackingBody, emptyBody } from '../../contracts/tracking.js';
import { answerActivityCheck } from '../../tracking/answer-activity-check.js';
import { currentTracker } from '../../tracking/current-tracker.js';
import { startTracking } from '../../tracking/start-tracking.js';
import { stopTracking } from '../../tracking/stop-tracking.js';
import { defineRoute } from '../route.js';

const tag = 'Tracking';

export const trackingRoutes = [
  defineRoute({
    name: 'currentTracker', method: 'GET', path: '/tracking/client/current', access: 'member', tag,
    summary: "The caller's running tracker, or null when idle",
    handle: ({ app, caller }) => currentTracker(app.ports, caller),
  }),
  defineRoute({
    name: 'startTracking', method: 'POST', path: '/tracking/client/startTracking', access: 'member', tag,
    summary: 'Start tracking a work item; a running tracker is stopped first and its worklog written',
    body: startTrackingBody, writes: 'time',
    handle: ({ app, caller, body, takeSeat }) => startTracking(app.ports, caller, body, takeSeat),
  }),
  defineRoute({
    name: 'stopTracking', method: 'POST', path: '/tracking/client/stopTracking', access: 'member', tag,
    summary: 'Stop the running tracker and write its worklog; 409 when none runs',
    // Never refused for billing: the time was tracked while the org was writable.
    body: emptyBody, writes: 'tracked',
    handle: ({ app, caller }) => stopTracking(app.ports, caller),
  }),
  defineRoute({
    name: 'answerActivityCheck', method: 'POST', path: '/tracking/client/activityCheck', access: 'member', tag,
    summary: '"Still working": the tracker goes on and the next activity check counts from now',
    body: emptyBody, writes: 'tracked',
    handle: ({ app, caller }) => answerActivityCheck(app.ports, caller),
  }),
];
