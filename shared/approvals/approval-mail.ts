import type { Mail } from '../ports/mailer.js';
import type { ApprovalNotice } from './approval-notices.js';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function mail(id: string, to: string, subject: string, lines: string[], link: string, linkText: string): Mail {
  return {
    id, to, subject,
    text: [...lines, '', `${linkText}: ${link}`].join('\n'),
    html: `<p>${lines.filter(Boolean).map(escape).join('<br>')}</p><p><a href="${escape(link)}">${escape(linkText)}</a></p>`,
  };
}

const base = (appBaseUrl: string) => appBaseUrl.replace(/\/$/, '');

/** The email about one week's transition, to the approver (submitted) or the member (approved, reopened). */
export function approvalNoticeMail(notice: ApprovalNotice, appBaseUrl: string): Mail {
  const week = `${notice.weekStart} to ${notice.weekEnd}`;
  const id = `approval-${notice.userId}-${notice.weekStart}-${notice.revision}`;
  if (notice.state === 'submitted') {
    return mail(id, notice.to.uniqueName, `${notice.member.name} submitted the week ${week} for approval`, [
      `Hello ${notice.to.name},`, '', `${notice.member.name} submitted their time of the week ${week} and picked you to approve it.`,
    ], `${base(appBaseUrl)}/#/approvals`, 'Review it in Approvals');
  }
  const link = `${base(appBaseUrl)}/#/timesheet?day=${notice.weekStart}`;
  const by = notice.by?.name ?? 'An approver';
  if (notice.state === 'approved') {
    return mail(id, notice.to.uniqueName, `Your week ${week} was approved`, [`Hello ${notice.to.name},`, '', `${by} approved your time of the week ${week}.`], link, 'See it in your timesheet');
  }
  return mail(id, notice.to.uniqueName, `Your week ${week} was reopened`, [
    `Hello ${notice.to.name},`, '', `${by} reopened your week ${week}.`, `Reason: ${notice.reason ?? '(none given)'}`, '', 'Correct your time and submit the week again.',
  ], link, 'Open your timesheet');
}

/** The weekly reminder about past weeks not submitted yet. */
export function reminderMail(to: { name: string; uniqueName: string }, weeks: readonly string[], day: string, appBaseUrl: string): Mail {
  return mail(`approval-reminder-${to.uniqueName}-${day}`, to.uniqueName, `Reminder: ${weeks.length === 1 ? 'a week' : `${weeks.length} weeks`} of your time to submit`, [
    `Hello ${to.name},`, '', 'These weeks of your time are not submitted for approval yet:', ...weeks.map((w) => `- the week of ${w}`),
  ], `${base(appBaseUrl)}/#/timesheet?day=${weeks[0] ?? day}`, 'Submit them from your timesheet');
}
