import type { WorkItem } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';

/** A work item as 7pace's tracking client shows it; what DevOps does not tell Timehub is null. */
export function trackingWorkItem(orgName: string, item: WorkItem) {
  return {
    id: item.id,
    title: item.title,
    color: null,
    teamProject: null,
    type: item.type,
    state: item.state,
    workItemLink: `https://dev.azure.com/${encodeURIComponent(orgName)}/_workitems/edit/${item.id}`,
    effort: null,
    parent: null,
  };
}

/**
 * The work items a search text names. Today only ids are understood (`1349`, `#1349`,
 * several separated by commas or spaces), looked up in the DevOps directory; this is the
 * one place to read a work item cache with title search from once there is one.
 */
export async function findWorkItems(ports: Pick<Ports, 'directory'>, orgName: string, query: string): Promise<WorkItem[]> {
  const words = query.split(/[\s,;]+/).filter(Boolean);
  const ids = words.map((word) => /^#?(\d{1,9})$/.exec(word)?.[1]).map(Number);
  if (!words.length || ids.some((id) => !Number.isSafeInteger(id) || id < 1)) return [];
  return ports.directory.workItems(orgName, [...new Set(ids)].slice(0, 100));
}

/** 7pace's search answer: `{query, workItems: [{groupName, workItem}], count}`, grouped by work item type. */
export async function searchWorkItems(ports: Pick<Ports, 'directory'>, orgName: string, query: string) {
  const found = await findWorkItems(ports, orgName, query);
  const workItems = found.map((item) => ({ groupName: item.type, workItem: trackingWorkItem(orgName, item) }));
  return { query, workItems, count: workItems.length };
}
