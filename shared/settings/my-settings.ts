import { readApprovalSettings } from '../approvals/approval-settings.js';
import type { UserSettingsInput } from '../contracts/settings.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { readUserSettings, writeUserSettings, type UserSettings } from './user-settings.js';

/**
 * The caller's settings, with the organization's first day of the week beside their own
 * choice. The org has one week: `firstDayOfWeek` of its approval settings starts both its
 * approval periods and, unless a user picks another day, everyone's timesheet week.
 */
export interface MySettingsView extends UserSettings {
  organizationFirstDayOfWeek: number;
}

export async function readMySettings(ports: Pick<Ports, 'store'>, caller: Caller): Promise<MySettingsView> {
  const [settings, approvals] = await Promise.all([
    readUserSettings(ports, caller.orgId, caller.user.id),
    readApprovalSettings(ports, caller.orgId),
  ]);
  return { ...settings, organizationFirstDayOfWeek: approvals.firstDayOfWeek };
}

export async function writeMySettings(ports: Pick<Ports, 'store'>, caller: Caller, change: UserSettingsInput): Promise<MySettingsView> {
  const workdays = change.workdays && [...change.workdays].sort((a, b) => a - b);
  await writeUserSettings(ports, caller.orgId, caller.user.id, { ...change, workdays });
  return readMySettings(ports, caller);
}
