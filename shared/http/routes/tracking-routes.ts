import {
  adjustTrackingBody, countParam, selectTrackBody, currentQuery, emptyBody, expandParam, latestQuery, reasonParam, reasonQuery, selectedOptionParam, selectedOptionQuery, searchByQueryBody, searchWorkItemBody, startTrackingBody,
} from '../../contracts/tracking.js';
import { adjustTracking } from '../../tracking/adjust-tracking.js';
import { latestTracks } from '../../tracking/latest-tracks.js';
import { selectTrack } from '../../tracking/selected-track.js';
import { answerActivityCheck } from '../../tracking/answer-activity-check.js';
import { currentTracker } from '../../tracking/current-tracker.js';
import { startTracking } from '../../tracking/start-tracking.js';
import { stopTracking } from '../../tracking/stop-tracking.js';
import { postponeActivityCheck } from '../../tracking/postpone-activity-check.js';
import { searchWorkItems } from '../../tracking/search-work-items.js';
import { defineRoute } from '../route.js';

const tag = 'Tracking';
// The tracking client's search reads work items and writes nothing: not a time write.
const searchTag = 'Work items';

export const trackingRoutes = [
  defineRoute({
    name: 'currentTracker', method: 'GET', path: '/tracking/client/current', access: 'member', tag,
    summary: "7pace's TrackingStateModel {track, trackSettings, settings} plus Timehub's `tracker` view; track and tracker are null when idle. $expand=true adds settings and the work item's details",
    query: currentQuery,
    handle: ({ app, caller, query }) => currentTracker(app.ports, caller, query.$expand?.toLowerCase() === 'true'),
  }),
  defineRoute({
    name: 'currentTrackerExpanded', method: 'GET', path: '/tracking/client/current/{expand}', access: 'member', tag,
    summary: "7pace's path form of current (current/true: with settings and the work item's details)",
    params: expandParam,
    handle: ({ app, caller, params }) => currentTracker(app.ports, caller, params.expand.toLowerCase() === 'true'),
  }),
  defineRoute({
    name: 'latestTracks', method: 'GET', path: '/tracking/client/latest', access: 'member', tag,
    summary: "The caller's latest tracked worklogs, newest first ($count, default 5, at most 100)",
    query: latestQuery,
    handle: ({ app, caller, query }) => latestTracks(app.ports, caller, query.$count ?? 5),
  }),
  defineRoute({
    name: 'latestTracksCount', method: 'GET', path: '/tracking/client/latest/{count}', access: 'member', tag,
    summary: "7pace's path form of latest", params: countParam,
    handle: ({ app, caller, params }) => latestTracks(app.ports, caller, params.count),
  }),
  defineRoute({
    name: 'selectTrack', method: 'POST', path: '/tracking/client/selected', access: 'member', tag,
    summary: 'Choose what the next startTracking without a work item tracks (7pace: tfsId, remark, activityTypeId); answers the tracking state with `selected`',
    // Writes no time (the start it prepares is gated): never refused for billing.
    body: selectTrackBody, writes: 'tracked',
    handle: ({ app, caller, body }) => selectTrack(app.ports, caller, body),
  }),
  defineRoute({
    name: 'adjustTracking', method: 'POST', path: '/tracking/client/adjust', access: 'member', tag,
    summary: "Change the running tracker's remark or activity type, answering the tracking state; 409 when none runs",
    // Changes time tracked while the org was writable: never refused for billing.
    body: adjustTrackingBody, writes: 'tracked',
    handle: ({ app, caller, body }) => adjustTracking(app.ports, caller, body),
  }),
  defineRoute({
    name: 'startTracking', method: 'POST', path: '/tracking/client/startTracking', access: 'member', tag,
    summary: 'Start tracking a work item, answering the tracking state; a running tracker is stopped first and its worklog answered as stoppedWorklog',
    body: startTrackingBody, writes: 'time',
    handle: ({ app, caller, body, takeSeat }) => startTracking(app.ports, caller, body, takeSeat),
  }),
  defineRoute({
    name: 'stopTracking', method: 'POST', path: '/tracking/client/stopTracking', access: 'member', tag,
    summary: 'Stop the running tracker and write its worklog (answered as stoppedWorklog beside the idle tracking state); 409 when none runs',
    // Never refused for billing: the time was tracked while the org was writable.
    body: emptyBody, query: reasonQuery, writes: 'tracked',
    handle: ({ app, caller }) => stopTracking(app.ports, caller),
  }),
  defineRoute({
    name: 'stopTrackingReason', method: 'POST', path: '/tracking/client/stopTracking/{reason}', access: 'member', tag,
    summary: "7pace's path form of stopTracking (reason 0: by the user, 1: by the machine)",
    body: emptyBody, params: reasonParam, writes: 'tracked',
    handle: ({ app, caller }) => stopTracking(app.ports, caller),
  }),
  defineRoute({
    name: 'answerActivityCheck', method: 'POST', path: '/tracking/client/activityCheck', access: 'member', tag,
    summary: '"Still working": the tracker goes on and the next activity check counts from now; answers the tracking state',
    body: emptyBody, writes: 'tracked',
    handle: ({ app, caller }) => answerActivityCheck(app.ports, caller),
  }),
  defineRoute({
    name: 'postponeActivityCheck', method: 'POST', path: '/tracking/client/idleCheck', access: 'member', tag,
    summary: "7pace's idleCheck: the next activity check comes in an hour ($selectedOption=0, the default), tomorrow (1) or next Monday (2), in the tracker's zone; 409 when none runs",
    body: emptyBody, query: selectedOptionQuery, writes: 'tracked',
    handle: ({ app, caller, query }) => postponeActivityCheck(app.ports, caller, query.$selectedOption ?? 0),
  }),
  defineRoute({
    name: 'postponeActivityCheckOption', method: 'POST', path: '/tracking/client/idleCheck/{selectedOption}', access: 'member', tag,
    summary: "7pace's path form of idleCheck (0: one hour, 1: tomorrow, 2: next Monday)",
    body: emptyBody, params: selectedOptionParam, writes: 'tracked',
    handle: ({ app, caller, params }) => postponeActivityCheck(app.ports, caller, params.selectedOption),
  }),
  defineRoute({
    name: 'searchWorkItem', method: 'POST', path: '/tracking/client/search', access: 'member', tag: searchTag,
    summary: "7pace's search: the work item whose id is the JSON body, as {query, workItems: [{groupName, workItem}], count}",
    body: searchWorkItemBody,
    handle: ({ app, caller, body }) => searchWorkItems(app.ports, caller.orgName, String(body)),
  }),
  defineRoute({
    name: 'searchWorkItemsByQuery', method: 'POST', path: '/tracking/client/searchByQuery', access: 'member', tag: searchTag,
    summary: "7pace's searchByQuery: work items named in {query} (ids such as 1349 or #1349), in search's answer shape",
    body: searchByQueryBody,
    handle: ({ app, caller, body }) => searchWorkItems(app.ports, caller.orgName, body.query),
  }),
];
