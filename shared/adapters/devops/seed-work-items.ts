import type { SchedulingFieldChanges, WorkItem, WorkItemDetails, WorkItemFields, WorkItemLink, WorkItemUpdateResult } from '../../ports/devops-directory.js';

/** The seeded work items of one org, held as the local Azure DevOps holds them: changeable, with every revision kept. */
export class SeedWorkItems {
  private readonly byId = new Map<number, WorkItemDetails>();
  /** Per item, its revisions in order: revision n is `revisions[n - 1]`. */
  private readonly revisions = new Map<number, WorkItemDetails[]>();

  constructor(items: readonly WorkItemDetails[]) {
    for (const item of items) {
      this.byId.set(item.id, { ...item });
      this.revisions.set(item.id, [{ ...item }]);
    }
  }

  basics(ids: readonly number[]): WorkItem[] {
    return this.details(ids).map(({ id, title, type, state }) => ({ id, title, type, state }));
  }

  /** The items among `ids` that exist, once each, in the order asked. */
  details(ids: readonly number[]): WorkItemDetails[] {
    return [...new Set(ids)].flatMap((id) => {
      const item = this.byId.get(id);
      return item ? [{ ...item }] : [];
    });
  }

  /** Parent > child edges below `rootId`, breadth first, as WIQL's recursive WorkItemLinks lists them. */
  descendantLinks(rootId: number): WorkItemLink[] {
    const links: WorkItemLink[] = [];
    let level = this.byId.has(rootId) ? [rootId] : [];
    while (level.length > 0) {
      const parents = new Set(level);
      const children = [...this.byId.values()].filter((item) => item.parentId !== null && parents.has(item.parentId));
      for (const child of children) links.push({ parentId: child.parentId!, childId: child.id });
      level = children.map((child) => child.id);
    }
    return links;
  }

  search(text: string, top: number): WorkItemDetails[] {
    const wanted = text.toLowerCase();
    // No change dates in the seed: the newest (highest id) first stands in for "most recently changed".
    return [...this.byId.values()].filter((item) => item.title.toLowerCase().includes(wanted)).sort((a, b) => b.id - a.id).slice(0, top).map((item) => ({ ...item }));
  }

  /** A change made in Azure DevOps (a move to another parent, a new title): undefined when the item does not exist. */
  update(id: number, changes: Partial<Omit<WorkItemDetails, 'id'>>): WorkItemDetails | undefined {
    const item = this.byId.get(id);
    if (!item) return undefined;
    Object.assign(item, changes);
    this.revisions.get(id)?.push({ ...item });
    return { ...item };
  }

  /** The current revision and scheduling fields, or those of revision `rev`. */
  fields(id: number, rev?: number): WorkItemFields | undefined {
    const revisions = this.byId.has(id) ? (this.revisions.get(id) ?? []) : [];
    const at = rev === undefined ? revisions.length : rev;
    const item = revisions[at - 1];
    return item && { id, rev: at, type: item.type, completedWork: item.completedWork, remainingWork: item.remainingWork };
  }

  /** An update that holds only at revision `rev`, as Azure DevOps applies a patch with `test /rev`. */
  patch(id: number, rev: number, changes: SchedulingFieldChanges): WorkItemUpdateResult {
    const current = this.fields(id);
    if (!current) return { outcome: 'missing' };
    if (current.rev !== rev) return { outcome: 'stale' };
    this.update(id, changes);
    return { outcome: 'updated', rev: rev + 1 };
  }

  /** Deletes the item, as someone would in Azure DevOps (to the recycle bin: gone for the API). */
  remove(id: number): boolean {
    return this.byId.delete(id);
  }
}
