import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import { budgetClaimId, budgetDocId, type BudgetClaimDoc, type BudgetDoc } from '../shared/budgets/budget-docs.js';
import type { Worklog } from '../shared/domain/worklog.js';
import type { WorkItemDetails } from '../shared/ports/devops-directory.js';
import type { BatchOperation, Document, DocumentStore } from '../shared/ports/document-store.js';
import { ROLLUP_VERSION, recountRollups } from '../shared/rollups/rollup-docs.js';
import { subtreeDocId, workItemDoc, workItemPartition, writeCached, type SubtreeDoc } from '../shared/work-items/work-item-docs.js';
import { userPartition, type UserStateDoc } from '../shared/worklogs/user-ledger.js';
import { toDoc } from '../shared/worklogs/worklog-documents.js';

/** The epic the bench asks about; its descendants' ids follow it. */
export const EPIC_ID = 100_000;
const HOUR = 3_600_000;

/** Epic > 20 features > 20 backlog items each > tasks (the rest of `descendants`, spread evenly). */
function hierarchy(descendants: number): WorkItemDetails[] {
  const item = (id: number, type: string, parentId: number | null): WorkItemDetails => ({
    id, title: `${type} ${id}`, type, state: 'Active', project: 'Fabrikam Fiber', areaPath: 'Fabrikam Fiber', iterationPath: 'Fabrikam Fiber',
    parentId, originalEstimate: null, completedWork: null, remainingWork: null,
  });
  const items = [item(EPIC_ID, 'Epic', null)];
  let next = EPIC_ID + 1;
  const features = Array.from({ length: 20 }, () => item(next++, 'Feature', EPIC_ID));
  const stories = features.flatMap((f) => Array.from({ length: 20 }, () => item(next++, 'User Story', f.id)));
  const tasks = Array.from({ length: descendants - features.length - stories.length }, (_, i) => item(next++, 'Task', stories[i % stories.length]!.id));
  return [...items, ...features, ...stories, ...tasks];
}

function worklogOf(userId: string, u: number, k: number, workItemId: number): Worklog {
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const start = Date.UTC(2024, 0, 1) + k * 3 * HOUR;
  const user = { id: userId, name: `Budget User ${u}`, uniqueName: `budget${u}@fabrikam.example` };
  const billable = k % 2 === 0;
  return {
    id: `${userId}-${k}`, userId, user, addedByUser: user, timestamp: at(start), endTimestamp: at(start + HOUR),
    length: 3600, billableLength: billable ? 3600 : 0, utcOffsetMinutes: 0, localDay: at(start).slice(0, 10),
    workItemId, targetId: null, comment: null, activityTypeId: null, createdTimestamp: at(start), editedTimestamp: null,
    flags: { isTracked: false, isManuallyEntered: true, isChanged: false, isBillable: billable }, stopReason: null,
  };
}

async function writeUserPartition(store: DocumentStore, pk: string, docs: readonly Document[]) {
  for (let i = 0; i < docs.length; i += store.maxBatchOperations) {
    await store.batch('worklogs', pk, docs.slice(i, i + store.maxBatchOperations).map((doc): BatchOperation => ({ op: 'create', doc })));
  }
}

/**
 * Fabrikam with an epic of `descendants` work items in its work item cache (fresh as of
 * `now`), `worklogs` worklogs of `users` users spread over them with their rollups, and a
 * budget on the epic and on each feature. Returns the ids of the subtree.
 */
export async function seedBudgetData(store: DocumentStore, now: Date, descendants: number, worklogs: number, users: number) {
  const org = findSeedOrganization('fabrikam')!;
  const items = hierarchy(descendants);
  const marker: SubtreeDoc = {
    id: subtreeDocId(EPIC_ID), pk: workItemPartition(org.id), type: 'workItemSubtree', schemaVersion: 1,
    orgId: org.id, rootId: EPIC_ID, refreshedAt: now.toISOString(), ttl: 30 * 86_400,
  };
  await writeCached(store, [...items.map((item) => workItemDoc(org.id, item, now)), marker]);
  const perUser = Math.ceil(worklogs / users);
  for (let u = 0; u < users; u++) {
    const userId = `budget-user-${u}`;
    const pk = userPartition(org.id, userId);
    const mine = Array.from({ length: Math.min(perUser, worklogs - u * perUser) }, (_, k) => worklogOf(userId, u, k, items[(u * 7919 + k * 104_729) % items.length]!.id));
    const state: UserStateDoc = { id: 'state', pk, type: 'userState', schemaVersion: 1, orgId: org.id, userId, tracker: null, revision: 1, rollups: ROLLUP_VERSION };
    await writeUserPartition(store, pk, [state, ...mine.map((w) => toDoc(org.id, w)), ...recountRollups(pk, org.id, userId, mine)]);
  }
  const budgeted = items.filter((item) => item.type === 'Epic' || item.type === 'Feature');
  for (const item of budgeted) {
    const budgetId = `bench-${item.id}`;
    const budget: BudgetDoc = {
      id: budgetDocId(budgetId), pk: org.id, type: 'budget', schemaVersion: 1, orgId: org.id, budgetId, workItemId: item.id,
      name: item.title, comment: '', planned: 10_000 * 3600, plannedBillable: null, isClosed: false, closedTimestamp: null,
      createdTimestamp: now.toISOString(), createdBy: { id: 'bench', name: 'Bench', uniqueName: 'bench@fabrikam.example' },
      editedTimestamp: now.toISOString(), notified: [],
    };
    const claim: BudgetClaimDoc = { id: budgetClaimId(item.id), pk: org.id, type: 'budgetClaim', schemaVersion: 1, budgetId };
    await store.batch('orgs', org.id, [{ op: 'create', doc: budget }, { op: 'create', doc: claim }]);
  }
  return { orgId: org.id, orgName: org.name, ids: items.map((item) => item.id) };
}
