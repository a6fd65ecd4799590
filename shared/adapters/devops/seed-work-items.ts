import type { SchedulingFieldChanges, WorkItem, WorkItemDetails, WorkItemFields, WorkItemLink, WorkItemUpdateResult } from '../../ports/devops-directory.js';
import { SEED_FIELD_DEFINITIONS, fieldValuesOf } from './seed-work-item-fields.js';

/** A field the org does not have, asked for by reference name: Azure DevOps refuses the whole request (TF51535). */
export class UnknownFieldError extends Error {
  constructor(readonly referenceName: string) {
    super(`TF51535: Cannot find field ${referenceName}.`);
    this.name = 'UnknownFieldError';
  }
}

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

  /** The items among `ids` that exist, once each, in the order asked; with the values of `fields` when asked for. */
  details(ids: readonly number[], fields?: readonly string[]): WorkItemDetails[] {
    const known = new Set(SEED_FIELD_DEFINITIONS.map((field) => field.referenceName.toLowerCase()));
    const unknown = fields?.find((name) => !known.has(name.toLowerCase()));
    if (unknown !== undefined) throw new UnknownFieldError(unknown);
    return [...new Set(ids)].flatMap((id) => {
      const item = this.byId.get(id);
      if (!item) return [];
      const details: WorkItemDetails = { ...item };
      delete details.fields; // custom values only when asked for, as Azure DevOps sends them
      if (!fields) return [details];
      const values = Object.entries(fieldValuesOf(item));
      const valueOf = (name: string) => values.find(([ref]) => ref.toLowerCase() === name.toLowerCase())?.[1] ?? null;
      return [{ ...details, fields: Object.fromEntries(fields.map((name) => [name, valueOf(name)])) }];
    });
  }

  /** The whole item as held, custom values included (the fake Azure DevOps server answers from it). */
  held(id: number): WorkItemDetails | undefined {
    const item = this.byId.get(id);
    return item && { ...item };
  }

  /** Up to `top` ids above `afterId`, ascending: a flat WIQL over the org ordered by id. */
  ids(afterId: number, top: number): number[] {
    return [...this.byId.keys()].filter((id) => id > afterId).sort((a, b) => a - b).slice(0, Math.max(0, top));
  }

  /** A new work item, as someone would create it in Azure DevOps. */
  add(item: WorkItemDetails) {
    this.byId.set(item.id, { ...item });
    this.revisions.set(item.id, [{ ...item }]);
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
    const found = [...this.byId.values()].filter((item) => item.title.toLowerCase().includes(wanted)).sort((a, b) => b.id - a.id).slice(0, top);
    return this.details(found.map((item) => item.id));
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
