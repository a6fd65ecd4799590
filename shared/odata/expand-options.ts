import { odataQuery, type ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import type { Expression } from './odata-expression.js';
import { resolvePath, type EntityType } from './odata-model.js';
import { findNavigation, navigationList, type NavigationProperty } from './expand-model.js';

export type SortOrder = { path: string[]; direction: 'asc' | 'desc' }[];

/** The options an expansion takes: those of a set (odata-options.ts adds the rest), less paging and 7pace's extensions. */
export interface NestedOptions {
  /** $filter, worklogsFilter and $apply's filter steps, all of which must hold. */
  filter?: Expression;
  select?: string[][];
  /** The direction by Timestamp (then Id), or a sort of one page's rows. */
  direction: 'asc' | 'desc';
  inPageOrder?: SortOrder;
  top?: number;
  skip: number;
  /** $expand's navigation properties, with their nested options. */
  expand: ExpandItem[];
}

/** Options of an expansion or a navigation path, with the sort its $orderby asks for (none without one). */
export type RelatedOptions = NestedOptions & { order?: SortOrder };

/** Worklogs come by work item, then Timestamp: any $orderby (Timestamp too) sorts them. */
export function withOrder(options: NestedOptions, orderby: string | undefined): RelatedOptions {
  if (!orderby) return options;
  const byTimestamp: SortOrder = [{ path: ['Timestamp'], direction: options.direction }, { path: ['Id'], direction: options.direction }];
  return { ...options, order: options.inPageOrder ?? byTimestamp };
}

export interface ExpandItem {
  /** Its name (ParentItem or Parent, as the client chose) is the key of the expanded value. */
  navigation: NavigationProperty;
  options: RelatedOptions;
  /** The nested options as sent, for the nextLink of a collection longer than its cap. */
  query: ODataQuery;
}

export type ParseNested = (entity: EntityType, query: ODataQuery) => NestedOptions;

const fail = (message: string) => badRequest('odata.invalid_option', `$expand: ${message}`);

/** Levels of $expand one request may nest (Children($expand=DirectWorklogs) is two). */
export const MAX_EXPAND_DEPTH = 3;
const ONLY_ON_SETS = ['$apply', '$skiptoken', '$count', 'worklogsFilter', 'prefilter', 'customFields', '$format'] as const;
const ONLY_ON_COLLECTIONS = ['$filter', '$orderby', '$top', '$skip'] as const;

/** Levels of a $expand: one, and one more for each $expand within parentheses (Children($expand=DirectWorklogs) is two). */
function expandDepth(text: string): number {
  let depth = 0;
  let deepest = 1;
  for (const [i, ch] of [...text].entries()) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (/^expand\s*=/i.test(text.slice(i, i + 12)) && depth > 0) deepest = Math.max(deepest, depth + 1);
  }
  return deepest;
}

/** `$select=A;$filter=B` inside an item's parentheses, checked as the set's own query options are. */
function nestedQuery(text: string, split: (text: string) => string[]): ODataQuery {
  const pairs = split(text).map((part) => {
    const at = part.indexOf('=');
    if (at < 1) throw fail(`"${part}" is not an option; write e.g. DirectWorklogs($select=Id;$top=10)`);
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const parsed = odataQuery.safeParse(Object.fromEntries(pairs));
  if (!parsed.success) throw fail(`the options in (${text.slice(0, 80)}) are not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * `$expand=Parent($select=System_Id),DirectWorklogs($filter=IsBillable;$top=5)`: each name
 * checked against the entity type's navigation properties (its complex properties, always
 * sent, are accepted and left as they are), each item's options against the target type.
 */
export function parseExpand(entity: EntityType, text: string, parseNested: ParseNested, split: (text: string, separator: ',' | ';') => string[]): ExpandItem[] {
  if (expandDepth(text) > MAX_EXPAND_DEPTH) throw fail(`at most ${MAX_EXPAND_DEPTH} levels of $expand`);
  const items: ExpandItem[] = [];
  for (const part of split(text, ',')) {
    const match = /^([\w]+)\s*(?:\((.*)\))?$/s.exec(part);
    const name = match?.[1] ?? part;
    const navigation = findNavigation(entity, name);
    if (!navigation) {
      if (resolvePath(entity, [name])?.type === 'complex') continue;
      throw fail(`${entity.name} has no navigation property ${name}; ${navigationList(entity)} (complex properties such as User or WorklogDate are always sent)`);
    }
    if (items.some((item) => item.navigation.name === navigation.name)) throw fail(`${navigation.name} is expanded twice`);
    const query = match?.[2]?.trim() ? nestedQuery(match[2], (inner) => split(inner, ';')) : {};
    for (const option of ONLY_ON_SETS) if (query[option] !== undefined) throw fail(`${option} is not taken inside an expansion`);
    if (!navigation.collection) {
      for (const option of ONLY_ON_COLLECTIONS) {
        if (query[option] !== undefined) throw fail(`${option} applies to collections; ${navigation.name} is a single ${navigation.target.name} (use $select or $expand)`);
      }
    }
    items.push({ navigation, options: withOrder(parseNested(navigation.target, query), query.$orderby), query });
  }
  return items;
}
