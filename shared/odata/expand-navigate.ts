import { badRequest } from '../domain/errors.js';
import type { WorkItemDetails } from '../ports/devops-directory.js';
import { budgetItems, childrenOf, itemRows, readableItems, rootsOf, trackedSubtrees, type ExpandScope } from './expand-items.js';
import type { NavigationProperty } from './expand-model.js';
import type { RelatedOptions } from './expand-options.js';
import { sortPage } from './query-feed.js';
import { EXPANDED_WORKLOGS, readWorkItemWorklogs, worklogReach, type WorklogKey, type WorklogReach } from './expand-worklogs.js';
import { matches } from './odata-evaluate.js';
import type { Row } from './odata-rows.js';

/** Work items one expanded entity (or one page of a navigation path) holds; more go on by a nextLink. */
export const EXPANDED_ITEMS = 100;

/** Where a source's related rows go on: after this System_Id, or this worklog key. */
export type NavigationKey = { kind: 'item'; after: number } | { kind: 'worklog'; after: WorklogKey };

export interface Related {
  rows: Row[];
  next?: NavigationKey;
}

/** A request's navigation reads: its scope and whose worklogs it reaches (read once). */
export class Navigator {
  private reachRead?: Promise<WorklogReach>;

  constructor(readonly scope: ExpandScope) {}

  private worklogReach() {
    return (this.reachRead ??= worklogReach(this.scope.ports, this.scope.caller, this.scope.onlyMe));
  }

  /**
   * The rows `navigation` leads to from each source row (work item or budget rows as read,
   * with their keys and ParentId), the caller's role rules applied: filtered, passed over
   * ($skip), ordered and cut at the cap (`itemCap` work items) or `$top`, with where more begin.
   */
  async related(navigation: NavigationProperty, sources: readonly Row[], options: RelatedOptions, after?: NavigationKey, itemCap = EXPANDED_ITEMS): Promise<Related[]> {
    if (navigation.target.name === 'ReportingWorkLog') return this.worklogs(navigation, sources, options, after?.kind === 'worklog' ? after.after : undefined);
    const lists = await this.items(navigation, sources);
    const rows = await itemRows(this.scope, [...new Set(lists.flat())], navigation.target);
    const byId = new Map(rows.map(({ key, row }) => [Number(key), row]));
    const start = after?.kind === 'item' ? after.after : -Infinity;
    return lists.map((items) => {
      const passing = items.filter((item) => item.id > start).map((item) => byId.get(item.id)!).filter((row) => !options.filter || matches(row, options.filter));
      return cut(ordered(passing, options, itemCap), options, itemCap, (row) => ({ kind: 'item', after: Number(row.System_Id) }));
    });
  }

  /** The related work items of each source the caller may read, in System_Id order. */
  private async items(navigation: NavigationProperty, sources: readonly Row[]): Promise<WorkItemDetails[][]> {
    const ids = sources.map((row) => Number(row.System_Id));
    switch (navigation.relation) {
      case 'parent': {
        const parents = await readableItems(this.scope, sources.flatMap((row) => (typeof row.ParentId === 'number' ? [row.ParentId] : [])));
        return sources.map((row) => (typeof row.ParentId === 'number' && parents.has(row.ParentId) ? [parents.get(row.ParentId)!] : []));
      }
      case 'root': {
        const roots = await rootsOf(this.scope, sources.map((row) => ({ id: Number(row.System_Id), parentId: typeof row.ParentId === 'number' ? row.ParentId : null })));
        const items = await readableItems(this.scope, [...roots.values()]);
        return ids.map((id) => (items.has(roots.get(id)!) ? [items.get(roots.get(id)!)!] : []));
      }
      case 'children': {
        const children = await childrenOf(this.scope, ids);
        return ids.map((id) => children.get(id) ?? []);
      }
      default: {
        // budgetWorkItems (the worklog relations are read by worklogs()).
        const covered = await budgetItems(this.scope, sources.map((row) => String(row.Id)));
        const items = await readableItems(this.scope, [...covered.values()].flat());
        return sources.map((row) => (covered.get(String(row.Id)) ?? []).flatMap((id) => items.get(id) ?? []).sort((a, b) => a.id - b.id));
      }
    }
  }

  private async worklogs(navigation: NavigationProperty, sources: readonly Row[], options: RelatedOptions, after: WorklogKey | undefined): Promise<Related[]> {
    const [reach, workItems] = await Promise.all([this.worklogReach(), this.worklogItems(navigation, sources)]);
    // With an $orderby the rows are sorted: all of them (up to the cap) are read first.
    const want = options.order ? EXPANDED_WORKLOGS : Math.min(EXPANDED_WORKLOGS, options.top ?? EXPANDED_WORKLOGS);
    const related: Related[] = [];
    for (const ids of workItems) {
      const read = await readWorkItemWorklogs(this.scope.ports, this.scope.caller, reach, ids, { filter: options.filter, after, want: want + options.skip });
      if (read.next) {
        if (options.order) tooManyToOrder();
        const rows = read.rows.slice(options.skip);
        related.push({ rows, ...(rows.length < (options.top ?? Infinity) ? { next: { kind: 'worklog', after: read.next } } : {}) });
      } else related.push(cut(ordered(read.rows, options, EXPANDED_WORKLOGS), options, EXPANDED_WORKLOGS, () => undefined));
    }
    return related;
  }

  /** The work items whose worklogs each source's navigation holds. */
  private async worklogItems(navigation: NavigationProperty, sources: readonly Row[]): Promise<number[][]> {
    const ids = sources.map((row) => Number(row.System_Id));
    if (navigation.relation === 'directWorklogs') return ids.map((id) => [id]);
    if (navigation.relation === 'allWorklogs') {
      const subtrees = await trackedSubtrees(this.scope, ids);
      return ids.map((id) => subtrees.get(id) ?? []);
    }
    const [covered, own] = await Promise.all([budgetItems(this.scope, sources.map((row) => String(row.Id))), this.scope.own()]);
    return sources.map((row) => (covered.get(String(row.Id)) ?? []).filter((id) => own.has(id)));
  }
}

function tooManyToOrder(): never {
  throw badRequest('odata.order_needs_one_page', '$orderby inside $expand or on a navigation path: more rows match than one answer holds; narrow $filter or $top');
}

/** Sorts by the $orderby asked for, when the rows are all there (else 400, as on the sets). */
function ordered(rows: Row[], options: RelatedOptions, cap: number): Row[] {
  if (!options.order) return rows;
  if (rows.length > cap + options.skip) tooManyToOrder();
  return sortPage(rows, options.order);
}

/** $skip, then $top or the cap; where more begin (only in key order: a sorted list is all there). */
function cut(rows: Row[], options: RelatedOptions, cap: number, keyOf: (last: Row) => NavigationKey | undefined): Related {
  const rest = rows.slice(options.skip);
  const want = Math.min(cap, options.top ?? cap);
  const taken = rest.slice(0, want);
  const next = rest.length > want && taken.length < (options.top ?? Infinity) ? keyOf(taken.at(-1)!) : undefined;
  return { rows: taken, ...(next ? { next } : {}) };
}
