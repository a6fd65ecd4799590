import type { Ports } from '../ports/index.js';
import { workItemCache, type OrgRef } from './work-item-cache.js';

/** What a report, an export or a mail shows of a work item beside its id. */
export interface WorkItemName {
  title: string;
  type: string;
}

/** "#12 Title", or "#12" alone when the cache knows no title. */
export const workItemLabel = (id: number, title: string | null | undefined) => (title ? `#${id} ${title}` : `#${id}`);

/**
 * The titles and types of `ids`, in one lookup of the org's work item cache (Azure DevOps
 * is asked only for items never cached). Ids Azure DevOps does not know are left out.
 */
export async function workItemNames(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, org: OrgRef, ids: Iterable<number>): Promise<Map<number, WorkItemName>> {
  const items = await workItemCache(ports).items(org, [...ids]);
  return new Map([...items].map(([id, item]) => [id, { title: item.title, type: item.type }]));
}
