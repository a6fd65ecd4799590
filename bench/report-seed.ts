import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import type { Worklog } from '../shared/domain/worklog.js';
import { newOrgUser } from '../shared/orgs/org-users.js';
import type { BatchOperation, DocumentStore } from '../shared/ports/document-store.js';
import { ROLLUP_VERSION, recountRollups } from '../shared/rollups/rollup-docs.js';
import { userPartition, type UserStateDoc } from '../shared/worklogs/user-ledger.js';
import { toDoc } from '../shared/worklogs/worklog-documents.js';

export const REPORT_YEAR = 2025;
const HOUR = 3_600_000;
const ACTIVITIES = ['development', 'meeting', 'testing'];

/** The first `days` weekdays of the year, as UTC midnights. */
function workdays(days: number) {
  const out: number[] = [];
  for (let t = Date.UTC(REPORT_YEAR, 0, 1); out.length < days; t += 24 * HOUR) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(t);
  }
  return out;
}

function worklogOf(userId: string, day: number, k: number, u: number, d: number): Worklog {
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const start = day + (8 + k) * HOUR;
  const user = { id: userId, name: `Report User ${u}`, uniqueName: `report${u}@fabrikam.example` };
  // Four work items a day out of the user's ten, each with its own activity type; half the time billable.
  const item = ((u * 7 + d + (k >> 1)) % 10) + 1 + (u % 40) * 10;
  const billable = item % 2 === 0;
  return {
    id: `${userId}-${d}-${k}`, userId, user, addedByUser: user, timestamp: at(start), endTimestamp: at(start + HOUR),
    length: 3600, billableLength: billable ? 3600 : 0, utcOffsetMinutes: 0, localDay: at(start).slice(0, 10),
    workItemId: item, targetId: null, comment: null, activityTypeId: ACTIVITIES[item % 3]!, createdTimestamp: at(start), editedTimestamp: null,
    flags: { isTracked: false, isManuallyEntered: true, isChanged: false, isBillable: billable }, stopReason: null,
  };
}

/**
 * `users` × `days` workdays × `perDay` worklogs of fabrikam straight into the store, with
 * their rollups, each user's state (rollups complete) and org user, in batches as large as the store
 * takes. Returns the org's id and the user ids.
 */
export async function seedReportData(store: DocumentStore, users: number, days: number, perDay: number) {
  const org = findSeedOrganization('fabrikam')!;
  const dates = workdays(days);
  const userIds: string[] = [];
  for (let u = 0; u < users; u++) {
    const userId = `report-user-${u}`;
    userIds.push(userId);
    const pk = userPartition(org.id, userId);
    const worklogs = dates.flatMap((day, d) => Array.from({ length: perDay }, (_, k) => worklogOf(userId, day, k, u, d)));
    const state: UserStateDoc = { id: 'state', pk, type: 'userState', schemaVersion: 1, orgId: org.id, userId, tracker: null, revision: 1, rollups: ROLLUP_VERSION };
    const docs = [state, ...worklogs.map((w) => toDoc(org.id, w)), ...recountRollups(pk, org.id, userId, worklogs)];
    await store.create('orgs', newOrgUser(org.id, worklogs[0]!.user, false, new Date(dates[0]!)));
    for (let i = 0; i < docs.length; i += store.maxBatchOperations) {
      await store.batch('worklogs', pk, docs.slice(i, i + store.maxBatchOperations).map((doc): BatchOperation => ({ op: 'create', doc })));
    }
  }
  return { orgId: org.id, orgName: org.name, userIds };
}
