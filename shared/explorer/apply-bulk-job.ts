import type { BulkChange } from '../contracts/explorer.js';
import { isoSeconds } from '../domain/time.js';
import { changedWorklog, draftOf, type Worklog, type WorklogDraft } from '../domain/worklog.js';
import { StorePreconditionError, type BatchOperation } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { commitToLedger } from '../worklogs/user-ledger.js';
import { fromDoc, toDoc } from '../worklogs/worklog-documents.js';
import { worklogsOf, type UserTargets } from './bulk-targets.js';
import { readBulkJob, type BulkJobDoc } from './bulk-jobs.js';
import { tombstoneOperation } from '../worklogs/worklog-tombstones.js';
import { isLocked } from './locked-targets.js';
import { scheduleBudgetCheck } from '../budgets/budget-thresholds.js';

interface Tally {
  applied: number;
  missing: number;
  skipped: number;
}

function draftWith(change: Exclude<BulkChange, { kind: 'delete' }>, worklog: Worklog): WorklogDraft {
  const draft = draftOf(worklog);
  if (change.kind === 'activityType') return { ...draft, activityTypeId: change.activityTypeId };
  // A worklog names a work item or a target: moving it to one leaves the other.
  if (change.kind === 'workItem') return { ...draft, workItemId: change.workItemId, targetId: null };
  if (change.kind === 'target') return { ...draft, workItemId: null, targetId: change.targetId };
  return { ...draft, billableLength: change.billable ? draft.length : 0 };
}

const sameDraft = (a: WorklogDraft, b: WorklogDraft) =>
  a.activityTypeId === b.activityTypeId && a.workItemId === b.workItemId && a.targetId === b.targetId && a.billableLength === b.billableLength;

/** Someone other than the job's editor changed it after the job started: their later decision stands. */
const changedSince = (worklog: Worklog, job: BulkJobDoc) =>
  worklog.editedTimestamp !== null && worklog.editedTimestamp > job.startedTimestamp && worklog.editedByUser?.id !== job.editor.id;

/**
 * The job's change to some of one user's targets, in one ledger commit that fits one store
 * batch (the ledger only splits commits that create). Idempotent, so a redelivered job may
 * run it again: a worklog already as the change leaves it, or already deleted, is not touched.
 */
async function applyToGroup(ports: Ports, job: BulkJobDoc, targets: UserTargets): Promise<Tally> {
  return commitToLedger<Tally>(ports.store, job.orgId, targets.userId, async (state) => {
    const docs = await worklogsOf(ports.store, job.orgId, targets.userId, targets.ids);
    const tally: Tally = { applied: 0, missing: targets.ids.length - docs.length, skipped: 0 };
    const operations: BatchOperation[] = [];
    const now = ports.clock.now();
    for (const doc of docs) {
      const current = fromDoc(doc);
      // Someone changed it since, or its week was locked after the checks (approvals): leave it, counted as skipped.
      if (changedSince(current, job) || isLocked(state?.locks, current)) {
        tally.skipped++;
        continue;
      }
      tally.applied++;
      if (job.change.kind === 'delete') {
        operations.push(tombstoneOperation(doc, job.editor, now));
        continue;
      }
      const draft = draftWith(job.change, current);
      if (sameDraft(draft, draftOf(current))) continue;
      operations.push({ op: 'replace', doc: toDoc(job.orgId, changedWorklog(current, draft, job.editor, now)), ifMatch: doc._etag });
    }
    if (operations.length === 0) return { done: tally };
    return { tracker: state?.tracker ?? null, operations, result: tally };
  });
}

/**
 * Applies a job user partition by user partition, a few dozen worklogs per commit (in start
 * order, so that a commit touches few rollup periods), then marks it done with what it did.
 * Run by the request that created the job and, after a crash, by the queue message
 * scheduled before the job was written: a job already done is left alone.
 */
export async function applyBulkJob(ports: Ports, orgId: string, jobId: string): Promise<BulkJobDoc | undefined> {
  const job = await readBulkJob(ports.store, orgId, jobId);
  if (!job || job.status === 'done') return job;
  const total: Tally = { applied: 0, missing: 0, skipped: 0 };
  // A commit must fit one store batch: the state, the user's all-time rollup, and per worklog
  // itself plus at worst the month and year rollups of a period no other worklog in the commit touches.
  const size = Math.max(1, Math.floor((ports.store.maxBatchOperations - 2) / 3));
  for (const { userId, ids } of job.targets) {
    for (let i = 0; i < ids.length; i += size) {
      const tally = await applyToGroup(ports, job, { userId, ids: ids.slice(i, i + size) });
      total.applied += tally.applied;
      total.missing += tally.missing;
      total.skipped += tally.skipped;
    }
  }
  // Moved or deleted time may cross a budget's threshold, as any other write of time.
  if (total.applied > 0) await scheduleBudgetCheck(ports, orgId);
  const done: BulkJobDoc = { ...job, ...total, status: 'done', finishedTimestamp: isoSeconds(ports.clock.now()) };
  try {
    return await ports.store.replace('orgs', done, job._etag);
  } catch (error) {
    // Another run of the same job finished first: its record stands.
    if (error instanceof StorePreconditionError) return readBulkJob(ports.store, orgId, jobId);
    throw error;
  }
}
