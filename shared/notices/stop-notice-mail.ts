import { offsetLabel, wallClockAt } from '../domain/time.js';
import type { Worklog } from '../domain/worklog.js';
import type { Mail } from '../ports/mailer.js';
import { workItemLabel } from '../work-items/work-item-names.js';

function duration(seconds: number) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${String(minutes).padStart(2, '0')} h`;
}

/** What the tracker ran on, as the user picked it: a work item, an internal target, or nothing. */
export interface TrackedOn {
  workItemTitle: string | null;
  targetName: string | null;
}

function trackedOnText(worklog: Worklog, { workItemTitle, targetName }: TrackedOn) {
  if (worklog.workItemId !== null) return workItemLabel(worklog.workItemId, workItemTitle);
  if (worklog.targetId) return `"${targetName ?? worklog.targetId}"`;
  return null;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The email telling a user that the server stopped their tracker, and where to correct it. */
export function stopNoticeMail(worklog: Worklog, trackedOn: TrackedOn, appBaseUrl: string): Mail {
  const item = trackedOnText(worklog, trackedOn);
  const started = wallClockAt(new Date(worklog.timestamp), worklog.utcOffsetMinutes).replace('T', ' ').slice(0, 16);
  const link = `${appBaseUrl.replace(/\/$/, '')}/#/timesheet?day=${worklog.localDay}&worklog=${worklog.id}`;
  const lines = [
    `Hello ${worklog.user.name},`,
    '',
    item ? `Timehub stopped tracking ${item}.` : 'Timehub stopped your tracker.',
    `Reason: ${worklog.stopReason ?? 'stopped by the server'}`,
    `Tracked: ${duration(worklog.length)} from ${started} (${offsetLabel(worklog.utcOffsetMinutes)})`,
    '',
    `If that is not what you worked, correct it in your timesheet: ${link}`,
  ];
  return {
    id: `stop-notice-${worklog.id}`,
    to: worklog.user.uniqueName,
    subject: item ? `Timehub stopped your tracker on ${item}` : 'Timehub stopped your tracker',
    text: lines.join('\n'),
    html: `<p>${lines.filter(Boolean).slice(0, -1).map(escape).join('<br>')}</p><p><a href="${escape(link)}">Correct it in your timesheet</a></p>`,
  };
}
