import type { BulkChange } from '../contracts/explorer.js';
import type { UserRef } from '../domain/worklog.js';
import type { Document, DocumentStore } from '../ports/document-store.js';
import type { UserTargets } from './bulk-targets.js';

/** Finished jobs are kept a month, for the UI to show what an action did. */
const JOB_TTL_SECONDS = 30 * 24 * 3600;

/**
 * A bulk action, written to the org's partition once every check passed and before any
 * worklog changes: the record from which a crashed run is rolled forward (see apply-bulk-job.ts).
 */
export interface BulkJobDoc extends Document {
  type: 'bulkJob';
  orgId: string;
  jobId: string;
  change: BulkChange;
  targets: UserTargets[];
  count: number;
  editor: UserRef;
  status: 'running' | 'done';
  startedTimestamp: string;
  finishedTimestamp: string | null;
  /** Set when done: worklogs now carrying the change (deleted, for a delete). */
  applied: number;
  /** Set when done: targets gone before the job reached them (deleted by their owner, or by an earlier run of a delete that crashed). */
  missing: number;
  /** Set when done: targets someone else changed after the job started, left as they left them. */
  skipped: number;
}

export const bulkJobDocId = (jobId: string) => `bulkJob:${jobId}`;

export function newBulkJob(orgId: string, jobId: string, fields: Pick<BulkJobDoc, 'change' | 'targets' | 'count' | 'editor' | 'startedTimestamp'>): BulkJobDoc {
  return {
    id: bulkJobDocId(jobId), pk: orgId, type: 'bulkJob', schemaVersion: 1, ttl: JOB_TTL_SECONDS, orgId, jobId,
    ...fields, status: 'running', finishedTimestamp: null, applied: 0, missing: 0, skipped: 0,
  };
}

export async function readBulkJob(store: DocumentStore, orgId: string, jobId: string) {
  const doc = await store.read<BulkJobDoc>('orgs', orgId, bulkJobDocId(jobId));
  return doc?.type === 'bulkJob' ? doc : undefined;
}

export function bulkJobView(job: BulkJobDoc) {
  return {
    id: job.jobId, status: job.status, change: job.change, count: job.count, userCount: job.targets.length,
    editedByUser: job.editor, startedTimestamp: job.startedTimestamp, finishedTimestamp: job.finishedTimestamp,
    applied: job.applied, missing: job.missing, skipped: job.skipped,
  };
}
