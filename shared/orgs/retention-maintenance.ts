import type { Ports } from '../ports/index.js';
import type { OrganizationDoc } from './organization.js';
import { applyRetention } from './retention.js';

/**
 * The periodic retention job, for the queue worker to run (say daily):
 * 1. every uninstalled org gets its 365-day TTL on documents written after the uninstall
 *    sweep (a request already past its checks when the org was uninstalled);
 * 2. a store that does not delete expired documents itself (SQLite) removes them now.
 * Off the hot path: it queries across partitions.
 */
export async function runRetentionMaintenance(ports: Pick<Ports, 'store'>) {
  const uninstalled = await ports.store.query<OrganizationDoc>('orgs', {
    partition: { crossPartition: true },
    where: [{ field: 'type', op: '=', value: 'organization' }, { field: 'installState', op: '=', value: 'uninstalled' }],
  });
  let retained = 0;
  for (const org of uninstalled) retained += await applyRetention(ports, org.orgId, 'retain');
  const purged = (await ports.store.purgeExpired?.()) ?? 0;
  return { uninstalledOrgs: uninstalled.length, documentsRetained: retained, documentsPurged: purged };
}
