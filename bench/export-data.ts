import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import type { Worklog } from '../shared/domain/worklog.js';
import type { Caller } from '../shared/identity/caller.js';
import { toDoc } from '../shared/worklogs/worklog-documents.js';
import { StepClock } from './step-clock.js';

export const EXPORT_USERS = 1_000;
const START = Date.parse('2025-01-01T08:00:00Z');
const ACTIVITIES = ['development', 'meeting', 'testing', null];
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function exportCaller(i: number, roles: Caller['roles'] = []): Caller {
  const org = findSeedOrganization('fabrikam')!;
  return { orgId: org.id, orgName: org.name, user: { id: `export-user-${i}`, name: `Ærin Export ${i}`, uniqueName: `export${i}@fabrikam.example` }, roles };
}

/** The k-th worklog of a user: eight a day, 45 minutes each, some comments that need quoting. */
function worklog(caller: Caller, k: number): Worklog {
  const start = START + Math.floor(k / 8) * 86_400_000 + (k % 8) * 3_600_000;
  const billable = k % 5 !== 0;
  return {
    id: `${caller.user.id}-${k}`, userId: caller.user.id, user: caller.user, addedByUser: caller.user,
    timestamp: at(start), endTimestamp: at(start + 2_700_000), length: 2700, billableLength: billable ? 2700 : 0, utcOffsetMinutes: 60,
    localDay: at(start + 3_600_000).slice(0, 10), workItemId: (k % 300) + 1, targetId: null, comment: k % 3 ? `task ${k}, "review"` : `task ${k}`,
    activityTypeId: ACTIVITIES[k % ACTIVITIES.length]!, createdTimestamp: at(start), editedTimestamp: null,
    flags: { isTracked: k % 2 === 0, isManuallyEntered: k % 2 === 1, isChanged: false, isBillable: billable }, stopReason: null,
  };
}

/** `total` worklogs of EXPORT_USERS users straight into a SQLite file, as the bench's export reads them. */
export async function writeExportData(file: string, total: number) {
  const store = new SqliteDocumentStore(file, new StepClock(new Date(START), 1));
  const perUser = Math.ceil(total / EXPORT_USERS);
  let written = 0;
  for (let u = 0; u < EXPORT_USERS && written < total; u++) {
    const caller = exportCaller(u);
    const pk = toDoc(caller.orgId, worklog(caller, 0)).pk;
    for (let k = 0; k < perUser && written < total; k += store.maxBatchOperations) {
      const count = Math.min(store.maxBatchOperations, perUser - k, total - written);
      await store.batch('worklogs', pk, Array.from({ length: count }, (_, j) => ({ op: 'create' as const, doc: toDoc(caller.orgId, worklog(caller, k + j)) })));
      written += count;
    }
  }
  await store.close();
}
