import { AppError } from '../domain/errors.js';
import type { WorkItemFieldDefinition } from '../ports/devops-directory.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { FRESH_FOR_MS, workItemCache, type OrgRef } from './work-item-cache.js';
import { CACHE_TTL_SECONDS, workItemPartition, writeCached } from './work-item-docs.js';

/** The org's field definitions as Azure DevOps last listed them, beside its cached work items. */
interface FieldDefinitionsDoc extends Document {
  type: 'workItemFieldDefinitions';
  orgId: string;
  fields: WorkItemFieldDefinition[];
  refreshedAt: string;
}

const DOC_ID = 'fieldDefinitions';

/**
 * The fields the org's processes define, to know a reference name and its type: read from
 * Azure DevOps once, then refreshed in the background when stale, as work items are (the
 * same per-org refresh and 429 rules). 429 when Azure DevOps cannot be asked and was never read.
 */
export async function fieldDefinitions(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, org: OrgRef): Promise<WorkItemFieldDefinition[]> {
  const cache = workItemCache(ports);
  const pk = workItemPartition(org.orgId);
  const refresh = async () => {
    const fields = await ports.directory.workItemFieldDefinitions(org.orgName);
    const doc: FieldDefinitionsDoc = {
      id: DOC_ID, pk, type: 'workItemFieldDefinitions', schemaVersion: 1, orgId: org.orgId, fields,
      refreshedAt: ports.clock.now().toISOString(), ttl: CACHE_TTL_SECONDS,
    };
    await writeCached(ports.store, [doc]);
  };
  const cached = await ports.store.read<FieldDefinitionsDoc>('orgs', pk, DOC_ID);
  if (cached) {
    if (ports.clock.now().getTime() - Date.parse(cached.refreshedAt) > FRESH_FOR_MS) cache.gate.inBackground(org, DOC_ID, refresh);
    return cached.fields;
  }
  await cache.gate.awaited(org, DOC_ID, refresh);
  const read = await ports.store.read<FieldDefinitionsDoc>('orgs', pk, DOC_ID);
  if (read) return read.fields;
  const retryAfter = String(cache.gate.throttledFor(org) || 60);
  throw new AppError(429, 'devops.throttled', `Azure DevOps did not list the organization's fields; retry after ${retryAfter} s`, [
    { path: 'retryAfter', code: 'rate.retry_after', message: retryAfter },
  ]);
}
