import { MAX_BULK_WORKLOGS, type WorklogRef } from '../contracts/explorer.js';
import { AppError, type ErrorDetail } from '../domain/errors.js';
import type { Worklog } from '../domain/worklog.js';
import type { DocumentStore } from '../ports/document-store.js';
import { decodeContinuation, type PageKey } from '../worklogs/continuation-token.js';
import { userPartition } from '../worklogs/user-ledger.js';
import { fromDoc, type WorklogDoc } from '../worklogs/worklog-documents.js';
import { readWorklogPage } from '../worklogs/worklog-pages.js';
import { selectionQuery, type WorklogSelection } from './explorer-selection.js';

/** The worklogs of one user that a bulk action targets. */
export interface UserTargets {
  userId: string;
  ids: string[];
}

export function tooMany(count: number) {
  return new AppError(422, 'bulk.too_many', `a bulk action touches at most ${MAX_BULK_WORKLOGS.toLocaleString('en')} worklogs; this one would touch more than that (${count.toLocaleString('en')} found so far): narrow the filter or split the selection`);
}

/** Each user's targets in start order. */
export function groupByUser(worklogs: readonly Pick<Worklog, 'id' | 'userId' | 'timestamp'>[]): UserTargets[] {
  const byUser = new Map<string, string[]>();
  const ordered = [...worklogs].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  for (const w of ordered) {
    const ids = byUser.get(w.userId);
    if (ids) ids.push(w.id);
    else byUser.set(w.userId, [w.id]);
  }
  return [...byUser].map(([userId, ids]) => ({ userId, ids }));
}

function idsByUser(refs: readonly WorklogRef[]) {
  const byUser = new Map<string, string[]>();
  for (const ref of refs) byUser.set(ref.userId, [...(byUser.get(ref.userId) ?? []), ref.id]);
  return byUser;
}

/** The user's worklogs among `ids`: one query in the user's partition. */
export async function worklogsOf(store: DocumentStore, orgId: string, userId: string, ids: readonly string[]) {
  return store.query<WorklogDoc>('worklogs', {
    partition: { pk: userPartition(orgId, userId) },
    where: [{ field: 'type', op: '=', value: 'worklog' }, { field: 'id', op: 'in', value: [...ids] }],
  });
}

/** Every selected worklog, found in its user's partition of this org; each one missing is a problem with its index. */
export async function selectedWorklogs(store: DocumentStore, orgId: string, refs: readonly WorklogRef[]) {
  const found: Worklog[] = [];
  const problems: ErrorDetail[] = [];
  for (const [userId, ids] of idsByUser(refs)) {
    const docs = await worklogsOf(store, orgId, userId, ids);
    found.push(...docs.map(fromDoc));
    const present = new Set(docs.map((d) => d.id));
    refs.forEach((ref, index) => {
      if (ref.userId === userId && !present.has(ref.id)) {
        problems.push({ index, path: 'worklogs', code: 'bulk.worklog_not_found', message: `worklog ${ref.id} of user ${ref.userId} was not found in this organization` });
      }
    });
  }
  return { found, problems: problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
}

/**
 * Every worklog matching a filter, read page by bounded page (see worklog-pages.ts) in start
 * order, refused as soon as there are more than a bulk action may touch.
 */
export async function matchingWorklogs(store: DocumentStore, orgId: string, selection: WorklogSelection) {
  const query = selectionQuery(orgId, selection);
  const found: Worklog[] = [];
  const scope = ['bulk', orgId];
  let after: PageKey | undefined;
  for (;;) {
    const page = await readWorklogPage(store, query, { skip: 0, count: 500, ...(after ? { after } : {}) }, scope);
    found.push(...page.worklogs);
    if (found.length > MAX_BULK_WORKLOGS) throw tooMany(found.length);
    if (!page.continuationToken) return found;
    after = decodeContinuation(page.continuationToken, scope);
  }
}

