import type { ApprovalSettings } from '../contracts/approvals.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';

/** One document per org in its partition of 'orgs', beside the organization document. */
export interface ApprovalSettingsDoc extends Document, ApprovalSettings {
  type: 'approvalSettings';
  orgId: string;
}

/** Off until an Administrator turns approvals on; weeks start on Monday. */
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = {
  enabled: false, firstDayOfWeek: 1, approvers: 'teamLeads', requireCompleteWeek: false, minimumWeekHours: 40, reminderDay: 1, emailNotices: true,
};

export async function readApprovalSettings(ports: Pick<Ports, 'store'>, orgId: string): Promise<ApprovalSettings> {
  const doc = await ports.store.read<ApprovalSettingsDoc>('orgs', orgId, 'approvalSettings');
  if (!doc) return DEFAULT_APPROVAL_SETTINGS;
  const { id: _id, pk: _pk, type: _type, schemaVersion: _v, orgId: _org, _etag, ttl: _ttl, ...settings } = doc;
  return { ...DEFAULT_APPROVAL_SETTINGS, ...settings };
}
