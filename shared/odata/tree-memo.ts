import type { Clock } from '../ports/clock.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import type { OrgRef, WorkItemCache } from '../work-items/work-item-cache.js';

/** How long a tree read whole is reused by later pages; the cache under it is itself up to 5 minutes old. */
const KEEP_MS = 60_000;
/** Items kept across all trees at most, the oldest tree dropped first. */
const MAX_ITEMS = 100_000;

interface Kept {
  items: WorkItemDetails[];
  at: number;
}

// Keyed by the cache's directory, as the cache's own refresh state is: one memo per process's app.
const memos = new WeakMap<object, Map<string, Kept>>();

/**
 * A work item tree as the cache answers it (its top first), reused for a minute: the pages of
 * a hierarchy report each walk the same trees, which would otherwise be read from the store
 * whole on every page.
 */
export async function keptSubtree(cache: WorkItemCache, owner: object, clock: Clock, org: OrgRef, top: number, fields: readonly string[]) {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  const key = `${org.orgId}|${top}|${[...fields].sort().join(',')}`;
  const now = clock.now().getTime();
  const kept = memo.get(key);
  if (kept && now - kept.at < KEEP_MS) return kept.items;
  const items = await cache.subtree(org, top, fields);
  memo.delete(key);
  memo.set(key, { items, at: now });
  let total = [...memo.values()].reduce((sum, tree) => sum + tree.items.length, 0);
  for (const [oldest, tree] of memo) {
    if (total <= MAX_ITEMS || oldest === key) break;
    memo.delete(oldest);
    total -= tree.items.length;
  }
  return items;
}
