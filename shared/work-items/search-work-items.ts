import { AppError } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { DevOpsThrottledError, type WorkItemDetails } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';
import type { RollupDoc } from '../rollups/rollup-docs.js';
import { rollupId } from '../rollups/rollup-docs.js';
import { userPartition } from '../worklogs/user-ledger.js';
import { workItemCache } from './work-item-cache.js';

type SearchPorts = Pick<Ports, 'store' | 'directory' | 'clock'>;
const orgOf = (caller: Caller) => ({ orgId: caller.orgId, orgName: caller.orgName });

/** What the tracking bar shows of a work item. */
export const workItemSummary = ({ id, title, type, state, parentId }: WorkItemDetails) => ({ id, title, type, state, parentId });

/**
 * Work items by id (`42` or `#42`, from the cache) or by title (Azure DevOps' own search,
 * one WIQL query and one batch read): at most `top`, most recently changed first.
 */
export async function searchWorkItems(ports: SearchPorts, caller: Caller, text: string, top: number) {
  const asId = /^#?(\d{1,10})$/.exec(text.trim());
  if (asId) return [...(await workItemCache(ports).items(orgOf(caller), [Number(asId[1])])).values()].map(workItemSummary);
  try {
    return (await ports.directory.searchWorkItems(caller.orgName, text.trim(), top)).map(workItemSummary);
  } catch (error) {
    if (error instanceof DevOpsThrottledError) {
      throw new AppError(429, 'devops.throttled', `Azure DevOps asks Timehub to wait ${error.retryAfterSeconds} s before searching again`);
    }
    throw error;
  }
}

/**
 * The work items the caller tracked most recently (this month and the last), latest
 * first: two point reads of their month rollups, titles from the cache.
 */
export async function recentWorkItems(ports: SearchPorts, caller: Caller, top: number) {
  const now = ports.clock.now();
  const thisMonth = now.toISOString().slice(0, 7);
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const pk = userPartition(caller.orgId, caller.user.id);
  const months = await Promise.all([thisMonth, lastMonth].map((month) => ports.store.read<RollupDoc>('worklogs', pk, rollupId(month))));
  const lastDay = new Map<number, string>();
  for (const doc of months) {
    for (const [day, workItemId] of doc?.cells ?? []) {
      if (workItemId !== null && day > (lastDay.get(workItemId) ?? '')) lastDay.set(workItemId, day);
    }
  }
  const ids = [...lastDay].sort((a, b) => (a[1] === b[1] ? b[0] - a[0] : a[1] < b[1] ? 1 : -1)).slice(0, top).map(([id]) => id);
  const items = await workItemCache(ports).items(orgOf(caller), ids);
  return ids.flatMap((id) => {
    const item = items.get(id);
    return item ? [{ ...workItemSummary(item), lastTrackedDay: lastDay.get(id)! }] : [];
  });
}
