/**
 * The navigation properties of 7pace's reporting feed (7PACE-API.md §4.1): work items to
 * their parent, root, children and worklogs, budgets to their work items and worklogs.
 * Every name is accepted in every version (be liberal); `$metadata` declares each from the
 * version 7pace documents it in.
 */
import { ENTITY_TYPES, type EntityType } from './odata-model.js';
import { ITEM_ENTITY_TYPES } from './work-item-model.js';

export type Relation = 'parent' | 'root' | 'children' | 'directWorklogs' | 'allWorklogs' | 'budgetWorkItems' | 'budgetWorklogs';

export interface NavigationProperty {
  name: string;
  relation: Relation;
  target: EntityType;
  collection: boolean;
  /** The navigation property of the target that leads back, where there is one. */
  partner?: string;
  /** The entity set the related entities belong to ($metadata's NavigationPropertyBinding). */
  targetSet: string;
  /** Declared in $metadata from this version (7pace's numbering) up to `until`. */
  since?: number;
  until?: number;
}

const FLAT = ITEM_ENTITY_TYPES.ReportingWorkItemFlat;
const HIERARCHY = ITEM_ENTITY_TYPES.ReportingWorkItemHierarchy;
const WORKLOG = ENTITY_TYPES.ReportingWorkLog;

const worklogs = (name: string, relation: Relation, since?: number): NavigationProperty => ({
  name, relation, target: WORKLOG, collection: true, targetSet: 'workLogsOnly', ...(since ? { since } : {}),
});

/** By entity type name. ParentItem is v3.0's name of Parent (7pace renamed it in v3.1). */
export const NAVIGATION: Record<string, NavigationProperty[]> = {
  [FLAT.name]: [
    { name: 'ParentItem', relation: 'parent', target: FLAT, collection: false, targetSet: 'workItems', until: 3.0 },
    { name: 'Parent', relation: 'parent', target: FLAT, collection: false, partner: 'Children', targetSet: 'workItems', since: 3.1 },
    { name: 'Root', relation: 'root', target: FLAT, collection: false, targetSet: 'workItems', since: 3.2 },
    { name: 'Children', relation: 'children', target: FLAT, collection: true, partner: 'Parent', targetSet: 'workItems' },
    worklogs('DirectWorklogs', 'directWorklogs'),
  ],
  [HIERARCHY.name]: [
    { name: 'Parent', relation: 'parent', target: HIERARCHY, collection: false, partner: 'Children', targetSet: 'workItemsHierarchyAllLevels' },
    { name: 'Children', relation: 'children', target: HIERARCHY, collection: true, partner: 'Parent', targetSet: 'workItemsHierarchyAllLevels' },
    worklogs('DirectWorklogs', 'directWorklogs'),
    worklogs('AllWorklogs', 'allWorklogs', 3.1),
  ],
  [ITEM_ENTITY_TYPES.ReportingBudgetExtended.name]: [
    { name: 'WorkItems', relation: 'budgetWorkItems', target: FLAT, collection: true, targetSet: 'workItems' },
    worklogs('Worklogs', 'budgetWorklogs'),
  ],
};

/** 3.0 for v3.0 and v3.0-preview, 3.3 for v3.3-beta. */
const versionNumber = (version: string) => Number(/^v?(\d+\.\d+)/i.exec(version)?.[1] ?? '0');

export const navigationsOf = (entity: EntityType): NavigationProperty[] => NAVIGATION[entity.name] ?? [];

/** A navigation property by name, ignoring case. */
export const findNavigation = (entity: EntityType, name: string) => navigationsOf(entity).find((nav) => nav.name.toLowerCase() === name.toLowerCase());

/** What $metadata declares for a version: partners only where the partner is declared too. */
export function declaredNavigations(entity: EntityType, version: string): NavigationProperty[] {
  const at = versionNumber(version);
  const declared = navigationsOf(entity).filter((nav) => (nav.since === undefined || at >= nav.since) && (nav.until === undefined || at <= nav.until));
  const names = new Set(declared.map((nav) => nav.name));
  return declared.map((nav) => (nav.partner && !names.has(nav.partner) ? { ...nav, partner: undefined } : nav));
}

/** For messages: the navigation properties of a type, or that it has none. */
export function navigationList(entity: EntityType): string {
  const names = navigationsOf(entity).map((nav) => nav.name);
  return names.length ? `its navigation properties are ${names.join(', ')}` : 'it has no navigation properties';
}
