import type { Ports } from '../ports/index.js';
import { applyRetention, retentionEnd } from './retention.js';

type RetentionPorts = Pick<Ports, 'store' | 'queue' | 'mailer' | 'clock'>;

/**
 * Every container follows the uninstall clock: the org's documents, its queued and
 * dead-lettered messages and its kept mail all go 365 days after `uninstalledTimestamp`,
 * however late this runs. Idempotent. Returns how many documents it changed.
 */
export async function retainOrgData(ports: RetentionPorts, orgId: string, uninstalledTimestamp: string) {
  const until = retentionEnd(uninstalledTimestamp);
  await ports.queue.retainOrgMessages?.(orgId, until);
  await ports.mailer.retainOrgMail?.(orgId, until);
  return applyRetention(ports, orgId, { until, now: ports.clock.now() });
}

/** Reinstall: each document gets its own TTL back, and the queue and the outbox keep the org's messages again. */
export async function restoreOrgData(ports: Omit<RetentionPorts, 'clock'>, orgId: string) {
  const restored = await applyRetention(ports, orgId, 'restore');
  await ports.queue.retainOrgMessages?.(orgId, null);
  await ports.mailer.retainOrgMail?.(orgId, null);
  return restored;
}
