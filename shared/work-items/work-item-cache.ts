import { DevOpsThrottledError, type WorkItemDetails } from '../ports/devops-directory.js';
import type { Ports } from '../ports/index.js';
import { newRefreshState, RefreshGate, type RefreshState } from './refresh-gate.js';
import { readCached, readChildren, subtreeDocId, workItemDoc, workItemPartition, writeCached, type SubtreeDoc } from './work-item-docs.js';

/** Older than this, a cached item or subtree is refreshed in the background when read. */
export const FRESH_FOR_MS = 5 * 60_000;
/** Further fields an item keeps at most (those asked for last first): what one workitemsbatch reads stays bounded. */
export const MAX_CACHED_FIELDS = 20;

/** The further fields an item was read with (its `fields` hold a value or null for each). */
const fieldsOf = (item: WorkItemDetails) => Object.keys(item.fields ?? {});

export interface OrgRef {
  orgId: string;
  orgName: string;
}

type CachePorts = Pick<Ports, 'store' | 'directory' | 'clock'>;

/**
 * Work items as Azure DevOps last said, per org. Reads answer from the cache: what is
 * missing is read from Azure DevOps at once, what is stale is refreshed in the
 * background, one refresh in flight per org and item set. A 429 from Azure DevOps stops
 * every refresh of that org until its Retry-After has passed; meanwhile reads answer what
 * the cache holds. No write of time ever waits on it.
 */
export class WorkItemCache {
  /** Azure DevOps reads of this process: coalesced, and paused while it throttles the org. */
  readonly gate: RefreshGate;

  constructor(private readonly ports: CachePorts, state: RefreshState = newRefreshState()) {
    this.gate = new RefreshGate(ports.clock, state);
  }

  /**
   * The items among `ids` that exist, by id. With `fields` (reference names as the org spells
   * them), each item carries their values: an item cached without one of them is read again
   * at once, as a missing one is; from then on the cache keeps them fresh with the item.
   */
  async items(org: OrgRef, ids: readonly number[], fields: readonly string[] = []): Promise<Map<number, WorkItemDetails>> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (wanted.length === 0) return new Map();
    const cached = await readCached(this.ports.store, org.orgId, wanted);
    const lacks = (item: WorkItemDetails) => fields.some((name) => !(name in (item.fields ?? {})));
    const missing = wanted.filter((id) => !cached.has(id) || lacks(cached.get(id)!.item));
    const stale = [...cached.values()].filter((doc) => this.isStale(doc.refreshedAt) && !missing.includes(doc.item.id)).map((doc) => doc.item.id);
    const key = (ids: number[]) => `items:${ids.sort((a, b) => a - b).join(',')}|${[...fields].sort().join(',')}`;
    if (stale.length > 0) this.gate.inBackground(org, key(stale), () => this.refreshItems(org, stale, fields));
    const found = new Map([...cached.values()].map((doc) => [doc.item.id, doc.item]));
    if (missing.length > 0) {
      await this.gate.awaited(org, key(missing), () => this.refreshItems(org, missing, fields));
      for (const [id, doc] of await readCached(this.ports.store, org.orgId, missing)) found.set(id, doc.item);
    }
    return found;
  }

  /** `rootId` and everything below it, as cached (read from Azure DevOps first when never read), with `fields` as `items` reads them. */
  async subtree(org: OrgRef, rootId: number, fields: readonly string[] = []): Promise<WorkItemDetails[]> {
    const marker = await this.ports.store.read<SubtreeDoc>('orgs', workItemPartition(org.orgId), subtreeDocId(rootId));
    if (!marker) await this.gate.awaited(org, `subtree:${rootId}`, () => this.refreshSubtree(org, rootId));
    else if (this.isStale(marker.refreshedAt)) this.gate.inBackground(org, `subtree:${rootId}`, () => this.refreshSubtree(org, rootId));
    const [root] = (await this.items(org, [rootId])).values();
    if (!root) return [];
    const found = [root];
    const seen = new Set([rootId]);
    for (let level = [rootId]; level.length > 0; ) {
      const children = (await readChildren(this.ports.store, org.orgId, level)).map((doc) => doc.item).filter((item) => !seen.has(item.id));
      for (const child of children) seen.add(child.id);
      found.push(...children);
      level = children.map((child) => child.id);
    }
    if (fields.length === 0) return found;
    const withFields = await this.items(org, found.map((item) => item.id), fields);
    return found.map((item) => withFields.get(item.id) ?? item);
  }

  /** The ancestors of `item`, nearest first (stops at a cycle or an ancestor Azure DevOps does not know). */
  async ancestors(org: OrgRef, item: WorkItemDetails): Promise<WorkItemDetails[]> {
    const chain: WorkItemDetails[] = [];
    const seen = new Set([item.id]);
    for (let parentId = item.parentId; parentId !== null && !seen.has(parentId); ) {
      const parent = (await this.items(org, [parentId])).get(parentId);
      if (!parent) break;
      chain.push(parent);
      seen.add(parent.id);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** Resolves once every background refresh started so far has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.gate.idle();
  }

  /** Reads the items again, with the further fields asked for and those they were cached with (within MAX_CACHED_FIELDS). */
  private async refreshItems(org: OrgRef, ids: readonly number[], fields: readonly string[] = []) {
    const held = [...(await readCached(this.ports.store, org.orgId, ids)).values()].flatMap((doc) => fieldsOf(doc.item));
    const names = [...new Set([...fields, ...held])].slice(0, MAX_CACHED_FIELDS);
    const read = (asked: readonly string[]) => this.ports.directory.workItemDetails(org.orgName, ids, asked.length > 0 ? asked : undefined);
    const details = await read(names).catch((error: unknown) => {
      // A field cached with an item may have been deleted from the org since, and Azure DevOps then refuses the whole read.
      if (error instanceof DevOpsThrottledError || names.length === new Set(fields).size) throw error;
      return read(fields);
    });
    const now = this.ports.clock.now();
    await writeCached(this.ports.store, details.map((item) => workItemDoc(org.orgId, item, now)));
  }

  /**
   * Reads the subtree again through WIQL. Items cached below the root that Azure DevOps no
   * longer lists there were moved away: they are read again too, so that their time follows
   * them to their new parent's budget.
   */
  private async refreshSubtree(org: OrgRef, rootId: number) {
    const links = await this.ports.directory.descendantLinks(org.orgName, rootId);
    const listed = new Set([rootId, ...links.map((link) => link.childId)]);
    const formerly = await this.cachedBelow(org, rootId);
    const ids = [...listed, ...formerly.filter((id) => !listed.has(id))];
    await this.refreshItems(org, ids);
    const now = this.ports.clock.now();
    const marker: SubtreeDoc = {
      id: subtreeDocId(rootId), pk: workItemPartition(org.orgId), type: 'workItemSubtree', schemaVersion: 1,
      orgId: org.orgId, rootId, refreshedAt: now.toISOString(), ttl: 30 * 86_400,
    };
    await writeCached(this.ports.store, [marker]);
  }

  private async cachedBelow(org: OrgRef, rootId: number) {
    const ids: number[] = [];
    for (let level = [rootId]; level.length > 0; ) {
      level = (await readChildren(this.ports.store, org.orgId, level)).map((doc) => doc.item.id).filter((id) => !ids.includes(id) && id !== rootId);
      ids.push(...level);
    }
    return ids;
  }

  private isStale(refreshedAt: string) {
    return this.ports.clock.now().getTime() - Date.parse(refreshedAt) > FRESH_FOR_MS;
  }
}

// Keyed by the directory, which lives as long as the process's app (each request gets its own ports object).
const states = new WeakMap<object, RefreshState>();

/** The cache over these ports, sharing refreshes with every other request of the process. */
export function workItemCache(ports: CachePorts): WorkItemCache {
  let state = states.get(ports.directory);
  if (!state) states.set(ports.directory, (state = newRefreshState()));
  return new WorkItemCache(ports, state);
}
