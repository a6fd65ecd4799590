import type { Ports } from '../ports/index.js';
import { workItemCache, type OrgRef } from '../work-items/work-item-cache.js';
import { workItemPartition, type WorkItemDoc } from '../work-items/work-item-docs.js';

/** Up to `count` work item ids above `after`, ascending; `done` when none follow. */
export type IdSource = (after: number, count: number) => Promise<{ ids: number[]; done: boolean }>;

/** A known list of ids (a Member's tracked items, the ids a filter names), by the same keyset. */
export function listedIds(ids: Iterable<number>): IdSource {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return async (after, count) => {
    const start = sorted.findIndex((id) => id > after);
    const page = start < 0 ? [] : sorted.slice(start, start + count);
    return { ids: page, done: start < 0 || start + count >= sorted.length };
  };
}

/**
 * The org's work items as Azure DevOps knows them, across its projects: a flat WIQL by id
 * above the last one read. While Azure DevOps throttles the org (or fails), the ids its
 * cache holds, by the same keyset, so that a report still answers.
 */
export function orgIds(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, org: OrgRef): IdSource {
  const cache = workItemCache(ports);
  return async (after, count) => {
    const asked = await cache.gate.ask(org, () => ports.directory.workItemIds(org.orgName, after, count));
    const ids = asked ?? (await ports.store.query<WorkItemDoc>('orgs', {
      partition: { pk: workItemPartition(org.orgId) },
      where: [{ field: 'type', op: '=', value: 'workItem' }],
      orderBy: [{ field: 'item.id', direction: 'asc' }],
      ...(after > 0 ? { after: [after] } : {}),
      limit: count,
    })).map((doc) => doc.item.id);
    return { ids, done: ids.length < count };
  };
}
