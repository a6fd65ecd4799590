import { deadLetterQuery, trackingSettingsBody, userSettingsBody } from '../../contracts/settings.js';
import { listDeadLetters } from '../../operations/list-dead-letters.js';
import { readTrackingSettings, writeTrackingSettings } from '../../settings/tracking-settings.js';
import { readMySettings, writeMySettings } from '../../settings/my-settings.js';
import { defineRoute } from '../route.js';

const tag = 'Settings';

export const settingsRoutes = [
  defineRoute({
    name: 'getTrackingSettings', method: 'GET', path: '/settings/tracking', access: 'member', tag,
    summary: 'Activity checks, the maximum track length and email notices of the organization',
    handle: ({ app, caller }) => readTrackingSettings(app.ports, caller),
  }),
  defineRoute({
    name: 'putTrackingSettings', method: 'PUT', path: '/settings/tracking', access: 'admin', tag,
    summary: 'Change the tracking settings (admins); trackers started from now on follow them',
    body: trackingSettingsBody,
    handle: ({ app, caller, body }) => writeTrackingSettings(app.ports, caller, body),
  }),
  defineRoute({
    name: 'getMySettings', method: 'GET', path: '/rest/me/settings', access: 'member', tag,
    summary: "The caller's own settings and preferences, and the organization's first day of the week",
    handle: ({ app, caller }) => readMySettings(app.ports, caller),
  }),
  defineRoute({
    name: 'putMySettings', method: 'PUT', path: '/rest/me/settings', access: 'member', tag,
    summary: "Change the caller's own settings: email notices, time zone, time and date formats, week start, daily target (left out: unchanged)",
    body: userSettingsBody,
    handle: ({ app, caller, body }) => writeMySettings(app.ports, caller, body),
  }),
  defineRoute({
    name: 'listDeadLetters', method: 'GET', path: '/admin/deadLetters', access: 'admin', tag,
    summary: "Queue messages given up on after repeated failures, e.g. notices that could not be mailed (admins)",
    query: deadLetterQuery,
    handle: ({ app, caller, query }) => listDeadLetters(app.ports, caller, query.queue),
  }),
];
