import { unprocessable } from '../domain/errors.js';
import { addSeconds, isoSeconds } from '../domain/time.js';
import type { UninstallInput } from '../contracts/orgs.js';
import type { Caller } from '../identity/caller.js';
import type { Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { stopOrgTrackers } from '../tracking/stop-org-trackers.js';
import { readUserState } from '../worklogs/user-ledger.js';
import { changeOrganization, installStateOf } from './org-lifecycle.js';
import type { OrganizationDoc } from './organization.js';
import { restoreOrgData, retainOrgData } from './org-retention.js';
import { RETENTION_SECONDS, userPartitions } from './retention.js';

/**
 * Uninstall: the org is marked first, so that requests stop at once (403 org.uninstalled),
 * then its running trackers are stopped (worklog written, timer cancelled), then all the
 * org's data, in every container, is kept for 365 days. Running it again finishes the job.
 */
export async function uninstallOrganization(ports: Pick<Ports, 'store' | 'clock' | 'queue' | 'mailer' | 'newId'>, caller: Caller, input: UninstallInput) {
  if (input.confirm.trim().toLowerCase() !== caller.orgName.toLowerCase()) {
    throw unprocessable('org.confirm_mismatch', `to uninstall, send confirm: "${caller.orgName}" (the organization's name); nothing was changed`);
  }
  const now = ports.clock.now();
  if (input.dryRun) return uninstallPreview(ports, caller, now);
  const org = await changeOrganization(ports, caller.orgId, (current) =>
    installStateOf(current) === 'uninstalled' ? undefined : { ...current, installState: 'uninstalled', uninstalledTimestamp: isoSeconds(now) },
  );
  await stopOrgTrackers(ports, caller.orgId);
  await retainOrgData(ports, caller.orgId, org.uninstalledTimestamp ?? isoSeconds(now));
  return uninstallView(org);
}

/** What an uninstall would do now: nothing is changed. */
async function uninstallPreview(ports: Pick<Ports, 'store'>, caller: Caller, now: Date) {
  const partitions = await userPartitions(ports, caller.orgId);
  const states = await Promise.all(partitions.map((pk) => readUserState(ports.store, caller.orgId, pk.slice(caller.orgId.length + 1))));
  return {
    dryRun: true,
    runningTrackersToStop: states.filter((state) => state?.tracker).length,
    dataKeptUntil: isoSeconds(addSeconds(now, RETENTION_SECONDS)),
  };
}

export function uninstallView(org: OrganizationDoc) {
  const since = org.uninstalledTimestamp ?? null;
  return {
    installState: installStateOf(org),
    uninstalledTimestamp: since,
    dataKeptUntil: since ? isoSeconds(addSeconds(new Date(since), RETENTION_SECONDS)) : null,
  };
}

/** Reinstall: every document gets its own TTL back, then the org is marked installed again. */
export async function reinstallOrganization(ports: Pick<Ports, 'store' | 'queue' | 'mailer'>, org: Stored<OrganizationDoc>) {
  await restoreOrgData(ports, org.orgId);
  return changeOrganization(ports, org.orgId, (current) =>
    installStateOf(current) === 'installed' ? undefined : { ...current, installState: 'installed', uninstalledTimestamp: null },
  );
}
