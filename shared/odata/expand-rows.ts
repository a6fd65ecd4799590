import type { ODataQuery } from '../contracts/odata.js';
import { badRequest } from '../domain/errors.js';
import { encodeContinuation } from '../worklogs/continuation-token.js';
import type { Navigator, NavigationKey } from './expand-navigate.js';
import type { NavigationProperty } from './expand-model.js';
import type { ExpandItem } from './expand-options.js';
import { encodeWorklogKey } from './expand-worklogs.js';
import type { AnswerRow, Row } from './odata-rows.js';
import { project } from './query-feed.js';

/** Rows every expansion of one answer holds together; past that the answer is refused, never cut. */
export const EXPANDED_ROWS = 10_000;

/** A request's expansions: how to read, the feed's root for nextLinks, and the rows still allowed. */
export interface ExpandRun {
  navigator: Navigator;
  root: string;
  rowsLeft: number;
}

/** The key of a source row in a path: workItems(10), budgets(6f0c…). */
const keyOf = (row: Row) => String(row.System_Id ?? row.Id);

/** What binds a navigation page's $skiptoken: the path, the caller, the nested filter and prefilter. */
export function navigationScope(run: ExpandRun, path: string, query: ODataQuery) {
  const { caller, onlyMe } = run.navigator.scope;
  return ['odata-navigation', path, caller.orgId, caller.user.id, query.$filter ?? null, onlyMe];
}

export function encodeNavigationKey(key: NavigationKey, scope: unknown) {
  return encodeContinuation(key.kind === 'item' ? [String(key.after), ''] : encodeWorklogKey(key.after), scope);
}

/** Where more related rows are read: the navigation path, with the expansion's options and the position. */
export function navigationLink(run: ExpandRun, path: string, query: ODataQuery, next: NavigationKey, taken: number): string {
  const options: [string, string][] = Object.entries(query).filter(([key, value]) => value !== undefined && !['$skip', '$top', '$skiptoken'].includes(key)).map(([key, value]) => [key, String(value)]);
  if (query.$top !== undefined) options.push(['$top', String(query.$top - taken)]);
  if (run.navigator.scope.onlyMe && query.prefilter === undefined) options.push(['prefilter', 'Me']);
  options.push(['$skiptoken', encodeNavigationKey(next, navigationScope(run, path, query))]);
  return `${run.root}/${path}?${options.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

function tooLarge(navigation: NavigationProperty): never {
  throw badRequest(
    'odata.expand_too_large',
    `$expand: this answer would hold more than ${EXPANDED_ROWS} expanded rows (at ${navigation.name}). Ask for fewer with $top (on the set or inside the expansion), or read the navigation path (workItems(1)/DirectWorklogs) or workLogsOnly with a $filter`,
  );
}

/**
 * Adds each expansion to the answer's rows: `raw` are the rows as read (their keys and
 * ParentId), `shown` their projections, in the same order. A collection longer than its
 * cap carries `Name@odata.nextLink` to its navigation path; nested expansions follow.
 */
export async function expandRows(run: ExpandRun, set: string, raw: readonly Row[], shown: AnswerRow[], items: readonly ExpandItem[]): Promise<void> {
  for (const { navigation, options, query } of items) {
    const related = await run.navigator.related(navigation, raw, options);
    const all = related.flatMap((r) => r.rows);
    run.rowsLeft -= all.length;
    if (run.rowsLeft < 0) tooLarge(navigation);
    const projected: AnswerRow[] = all.map((row) => project(row, options.select));
    await expandRows(run, navigation.targetSet, all, projected, options.expand);
    let at = 0;
    related.forEach(({ rows, next }, i) => {
      const mine = projected.slice(at, (at += rows.length));
      const target = shown[i]!;
      if (!navigation.collection) {
        target[navigation.name] = mine[0] ?? null;
        return;
      }
      target[navigation.name] = mine;
      if (next) target[`${navigation.name}@odata.nextLink`] = navigationLink(run, `${set}(${keyOf(raw[i]!)})/${navigation.name}`, query, next, rows.length);
    });
  }
}
