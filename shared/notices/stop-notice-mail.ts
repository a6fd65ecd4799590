import type { Worklog } from '../domain/worklog.js';
import type { Mail } from '../ports/mailer.js';
import { workItemLabel } from '../work-items/work-item-names.js';

function duration(seconds: number) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${String(minutes).padStart(2, '0')} h`;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The email telling a user that the server stopped their tracker, and where to correct it. */
export function stopNoticeMail(worklog: Worklog, workItemTitle: string | null, appBaseUrl: string): Mail {
  const item = worklog.workItemId === null ? 'your tracker' : workItemLabel(worklog.workItemId, workItemTitle);
  const link = `${appBaseUrl.replace(/\/$/, '')}/#/timesheet?day=${worklog.localDay}&worklog=${worklog.id}`;
  const lines = [
    `Hello ${worklog.user.name},`,
    '',
    `Timehub stopped tracking ${item}.`,
    `Reason: ${worklog.stopReason ?? 'stopped by the server'}`,
    `Tracked: ${duration(worklog.length)} from ${worklog.timestamp}`,
    '',
    `If that is not what you worked, correct it in your timesheet: ${link}`,
  ];
  return {
    id: `stop-notice-${worklog.id}`,
    to: worklog.user.uniqueName,
    subject: `Timehub stopped your tracker on ${item}`,
    text: lines.join('\n'),
    html: `<p>${lines.filter(Boolean).slice(0, -1).map(escape).join('<br>')}</p><p><a href="${escape(link)}">Correct it in your timesheet</a></p>`,
  };
}
