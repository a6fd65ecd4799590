import { z } from 'zod';
import type { DeliveredMessage } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { applyBulkJob } from './apply-bulk-job.js';

const bulkJobMessage = z.object({ orgId: z.string().min(1), jobId: z.string().min(1) });

/**
 * The queue's copy of a bulk action: finishes a job whose request died mid-way. A job that
 * is done, or was never written (the request died before), needs nothing.
 */
export async function handleBulkJob(ports: Ports, message: DeliveredMessage) {
  const parsed = bulkJobMessage.safeParse(message.body);
  if (!parsed.success) return; // not ours to retry: a malformed body never gets better
  await applyBulkJob(ports, parsed.data.orgId, parsed.data.jobId);
}
