import type { ApprovalSettings } from '../contracts/approvals.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { scheduleReminder } from './approval-reminders.js';
import type { ApprovalSettingsDoc } from './approval-settings.js';

/**
 * Last write wins (Administrators only). Locks already taken stay as they are: they are
 * stored as days, so a new first day of the week does not move them. Turning reminders on
 * schedules the next one.
 */
export async function writeApprovalSettings(ports: Pick<Ports, 'store' | 'queue' | 'clock'>, caller: Caller, settings: ApprovalSettings) {
  const doc: ApprovalSettingsDoc = { id: 'approvalSettings', pk: caller.orgId, type: 'approvalSettings', schemaVersion: 1, orgId: caller.orgId, ...settings };
  await ports.store.upsert('orgs', doc);
  await scheduleReminder(ports, caller.orgId, settings);
  return settings;
}
