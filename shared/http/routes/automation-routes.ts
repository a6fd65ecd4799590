import { automationSettingsBody, deadLetterRetryBody, recomputeBody, recomputeQuery } from '../../contracts/automation.js';
import { readAutomationSettingsFor, writeAutomationSettings } from '../../automation/automation-settings.js';
import { applyRecompute, previewRecompute } from '../../automation/recompute-work-item.js';
import { retryDeadLetter } from '../../operations/retry-dead-letter.js';
import { defineRoute } from '../route.js';

const tag = 'Work item automation';

export const automationRoutes = [
  defineRoute({
    name: 'getAutomationSettings', method: 'GET', path: '/settings/automation', access: 'admin', tag,
    summary: 'Writing tracked time back to work items: on or off, what it does to Completed and Remaining Work, rounding, work item types (admins)',
    handle: ({ app, caller }) => readAutomationSettingsFor(app.ports, caller),
  }),
  defineRoute({
    name: 'putAutomationSettings', method: 'PUT', path: '/settings/automation', access: 'admin', tag,
    summary: 'Change the work item automation (admins); worklog changes from now on follow it',
    body: automationSettingsBody,
    handle: ({ app, caller, body }) => writeAutomationSettings(app.ports, caller, body),
  }),
  defineRoute({
    name: 'previewWorkItemRecompute', method: 'GET', path: '/admin/workItems/recompute', access: 'admin', tag,
    summary: "One work item's Completed and Remaining Work recounted from its worklogs: current values, computed values and the patch; writes nothing (admins)",
    query: recomputeQuery,
    handle: ({ app, caller, query }) => previewRecompute(app.ports, caller, query.workItemId),
  }),
  defineRoute({
    name: 'applyWorkItemRecompute', method: 'POST', path: '/admin/workItems/recompute', access: 'admin', tag,
    summary: 'Apply the recount of one work item (admins): queued, written with a revision test like every update',
    body: recomputeBody,
    handle: ({ app, caller, body }) => applyRecompute(app.ports, caller, body.workItemId),
  }),
  defineRoute({
    name: 'retryDeadLetter', method: 'POST', path: '/admin/deadLetters/retry', access: 'admin', tag,
    summary: 'Put a dead-lettered message of the organization back on its queue, delivered afresh (admins)',
    body: deadLetterRetryBody,
    handle: ({ app, caller, body }) => retryDeadLetter(app.ports, caller, body),
  }),
];
