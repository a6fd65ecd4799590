import type { Ports } from '../ports/index.js';
import { armReminders } from '../approvals/approval-reminders.js';
import { rebuildMissingRollups } from '../rollups/rebuild-rollups.js';
import { retainOrgData } from './org-retention.js';
import type { OrganizationDoc } from './organization.js';

/**
 * The periodic retention job, for the queue worker to run (say daily):
 * 1. every uninstalled org's data written after the uninstall sweep (a request already
 *    past its checks when the org was uninstalled) is kept until the same day as the rest;
 * 2. stores that do not delete expired data themselves (SQLite documents, the embedded
 *    queue, the local outbox) remove it now.
 * 3. partitions written before rollups existed get theirs (resumable, see rebuild-rollups.ts);
 * 4. every org with approvals on has its next reminder run scheduled (approval-reminders.ts).
 * Off the hot path: it queries across partitions.
 */
export async function runRetentionMaintenance(ports: Pick<Ports, 'store' | 'clock' | 'queue' | 'mailer'>) {
  const uninstalled = await ports.store.query<OrganizationDoc>('orgs', {
    partition: { crossPartition: true },
    where: [{ field: 'type', op: '=', value: 'organization' }, { field: 'installState', op: '=', value: 'uninstalled' }],
  });
  let retained = 0;
  for (const org of uninstalled) {
    retained += await retainOrgData(ports, org.orgId, org.uninstalledTimestamp ?? ports.clock.now().toISOString());
  }
  return {
    uninstalledOrgs: uninstalled.length,
    documentsRetained: retained,
    documentsPurged: (await ports.store.purgeExpired?.()) ?? 0,
    messagesPurged: (await ports.queue.purgeExpired?.()) ?? 0,
    mailPurged: (await ports.mailer.purgeExpired?.(ports.clock.now())) ?? 0,
    rollupsRebuilt: await rebuildMissingRollups(ports.store),
    approvalRemindersArmed: await armReminders(ports),
  };
}
