import type { BillingSettings } from '../billing/billing-settings.js';
import type { BulkActionInput } from '../contracts/explorer.js';
import { AppError } from '../domain/errors.js';
import { isoSeconds } from '../domain/time.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { applyBulkJob } from './apply-bulk-job.js';
import { bulkJobView, newBulkJob } from './bulk-jobs.js';
import { checkBulkAction } from './check-bulk-action.js';

/** How long the request has to finish a job before the queue's copy takes over (it finds it done and stops). */
const ROLL_FORWARD_AFTER_MS = 2 * 60_000;

export const BULK_QUEUE = 'bulk-actions' as const;

/**
 * Runs a bulk action all-or-none across users' partitions. Every check comes first and
 * refuses the whole action. Then a message is scheduled that rolls the job forward should
 * this process die, the job is written to the org's partition, and this request applies it
 * partition by partition through the ledger. Readers may see some users' worklogs changed
 * and others not yet while it runs; once it answers 'done', all are. An answer 'running'
 * means the queue finishes it: GET /explorer/bulkActions/{id} tells when.
 */
export async function runBulkAction(ports: Ports, billing: BillingSettings, caller: Caller, input: BulkActionInput) {
  const { targets, count } = await checkBulkAction(ports, billing, caller, input);
  const jobId = ports.newId();
  const now = ports.clock.now();
  const body = { orgId: caller.orgId, jobId };
  await ports.queue.schedule(BULK_QUEUE, { messageId: `bulk:${jobId}`, body }, new Date(now.getTime() + ROLL_FORWARD_AFTER_MS));
  const job = newBulkJob(caller.orgId, jobId, { change: input.change, targets, count, editor: caller.user, startedTimestamp: isoSeconds(now) });
  await ports.store.create('orgs', job);
  try {
    return bulkJobView((await applyBulkJob(ports, caller.orgId, jobId)) ?? job);
  } catch (error) {
    // Refused mid-way (e.g. a user's time too contended): the job stands and the queue finishes it; the caller polls it.
    if (error instanceof AppError) return bulkJobView(job);
    throw error;
  }
}
