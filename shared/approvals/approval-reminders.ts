import { z } from 'zod';
import type { ApprovalSettings } from '../contracts/approvals.js';
import { addDays, weekOf, weekdayOf } from '../domain/week-locks.js';
import { installStateOf } from '../orgs/org-lifecycle.js';
import { listOrgUsers } from '../orgs/org-users.js';
import { loadOrganizationById } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import { readUserSettings } from '../settings/user-settings.js';
import { userApprovals } from './approval-records.js';
import { readApprovalSettings, type ApprovalSettingsDoc } from './approval-settings.js';
import { weekHours } from './week-hours.js';

/** The org's weekly run, scheduled for its reminder day. */
export const reminderRunMessage = z.object({ kind: z.literal('approvalReminders'), orgId: z.string(), day: z.string() });
/** One member's reminder, queued by the run. */
export const reminderMailMessage = z.object({
  kind: z.literal('approvalReminder'), orgId: z.string(), userId: z.string(), day: z.string(),
  to: z.object({ name: z.string(), uniqueName: z.string() }), weeks: z.array(z.string()),
});

/** How far back a reminder looks: older weeks are for approvers to close. */
const WEEKS_BACK = 4;
const REMINDER_HOUR_UTC = 9;

const runId = (orgId: string, day: string) => `approval-reminders:${orgId}:${day}`;

/** Schedules the org's next run on its reminder day (a run already scheduled for that day is a duplicate). */
export async function scheduleReminder(ports: Pick<Ports, 'queue' | 'clock'>, orgId: string, settings: ApprovalSettings, after?: string) {
  if (!settings.enabled || settings.reminderDay === null) return;
  let day = addDays(after ?? ports.clock.now().toISOString().slice(0, 10), 1);
  while (weekdayOf(day) !== settings.reminderDay) day = addDays(day, 1);
  const body: z.infer<typeof reminderRunMessage> = { kind: 'approvalReminders', orgId, day };
  await ports.queue.schedule('email-notices', { messageId: runId(orgId, day), body }, new Date(`${day}T${String(REMINDER_HOUR_UTC).padStart(2, '0')}:00:00Z`));
}

/**
 * One run: each member with past weeks (of the last four) that hold time and are neither
 * submitted, approved nor closed gets one reminder listing them; then the next run is
 * scheduled. A run whose day no longer matches the settings is a leftover: it does nothing.
 */
export async function runReminders(ports: Ports, run: z.infer<typeof reminderRunMessage>) {
  const settings = await readApprovalSettings(ports, run.orgId);
  if (!settings.enabled || settings.reminderDay !== weekdayOf(run.day) || !(await installed(ports, run.orgId))) return;
  const thisWeek = weekOf(run.day, settings.firstDayOfWeek);
  const range = { from: addDays(thisWeek.from, -7 * WEEKS_BACK), to: addDays(thisWeek.from, -1) };
  const weekStarts = Array.from({ length: WEEKS_BACK }, (_, i) => addDays(range.from, 7 * i));
  for (const user of await listOrgUsers(ports.store, run.orgId)) {
    if (!(await readUserSettings(ports, run.orgId, user.userId)).emailNotificationsOnApprovals) continue;
    const records = await userApprovals(ports.store, run.orgId, user.userId, range);
    const settled = (start: string) => records.some((r) => r.state !== 'reopened' && r.weekStart <= addDays(start, 6) && r.weekEnd >= start);
    const open: string[] = [];
    for (const start of weekStarts.filter((s) => !settled(s))) {
      const reopened = records.some((r) => r.state === 'reopened' && r.weekStart === start);
      if (reopened || (await weekHours(ports.store, run.orgId, user.userId, { from: start, to: addDays(start, 6) })).total > 0) open.push(start);
    }
    if (open.length === 0) continue;
    const body: z.infer<typeof reminderMailMessage> = { kind: 'approvalReminder', orgId: run.orgId, userId: user.userId, day: run.day, to: user.user, weeks: open };
    await ports.queue.send('email-notices', { messageId: `approval-reminder:${run.orgId}:${user.userId}:${run.day}`, body });
  }
  await scheduleReminder(ports, run.orgId, settings, run.day);
}

/**
 * Daily: schedules every org's next run again, so that a run given up on (dead-lettered)
 * does not end its org's reminders. A run already scheduled for that day is a duplicate;
 * should the broker take it twice, both runs schedule the next under one id, and the
 * members' mails are each sent once (send-approval-notice.ts).
 */
export async function armReminders(ports: Pick<Ports, 'store' | 'queue' | 'clock'>) {
  const enabled = await ports.store.query<ApprovalSettingsDoc>('orgs', {
    partition: { crossPartition: true },
    where: [{ field: 'type', op: '=', value: 'approvalSettings' }, { field: 'enabled', op: '=', value: true }],
  });
  let armed = 0;
  for (const doc of enabled) {
    if (!(await installed(ports, doc.orgId))) continue;
    await scheduleReminder(ports, doc.orgId, await readApprovalSettings(ports, doc.orgId));
    armed++;
  }
  return armed;
}

/** An uninstalled org's members get no reminders (a reinstall arms them again with the next maintenance). */
async function installed(ports: Pick<Ports, 'store'>, orgId: string) {
  const org = await loadOrganizationById(ports, orgId);
  return !org || installStateOf(org) === 'installed';
}
