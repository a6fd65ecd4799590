import type { ODataQuery } from '../contracts/odata.js';
import { AppError, badRequest } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { listBudgetViews } from '../budgets/read-budgets.js';
import { decodeContinuation } from '../worklogs/continuation-token.js';
import { ExpandScope, itemRows, readableItems } from './expand-items.js';
import { findNavigation, navigationList } from './expand-model.js';
import { EXPANDED_ITEMS, Navigator, type NavigationKey } from './expand-navigate.js';
import { withOrder } from './expand-options.js';
import { decodeWorklogKey } from './expand-worklogs.js';
import { EXPANDED_ROWS, expandRows, navigationLink, navigationScope, type ExpandRun } from './expand-rows.js';
import { assertNamedInReach } from './item-sources.js';
import type { Expression } from './odata-expression.js';
import { ITEM_SETS, type ItemSetName } from './odata-model.js';
import { parseOptions } from './odata-options.js';
import type { AnswerRow, Row } from './odata-rows.js';
import { project } from './query-feed.js';
import { itemsPerPage } from './query-item-feed.js';
import { budgetRow } from './work-item-rows.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (what: string) => new AppError(404, 'odata.not_found', `${what} is not in this feed`);

/** `workItems(10)`, `workItems(System_Id=10)`, `budgets(6f0c…)` or `budgets('6f0c…')`: the key as the set types it. */
function keyExpression(set: ItemSetName, text: string): Expression {
  const bare = text.trim().replace(/^\w+\s*=\s*/, '').replace(/^'(.*)'$/, '$1');
  if (set === 'budgets') {
    if (!GUID.test(bare)) throw badRequest('odata.invalid_key', `budgets(${text}): a budget's key is its Id, a GUID: budgets(6f0c2d9e-…)`);
    return { kind: 'compare', op: 'eq', left: { kind: 'property', path: ['Id'] }, right: { kind: 'literal', type: 'guid', value: bare.toLowerCase() } };
  }
  const id = /^\d{1,9}$/.test(bare) ? Number(bare) : undefined;
  if (!id) throw badRequest('odata.invalid_key', `${set}(${text}): a work item's key is its System_Id, a positive whole number: ${set}(42)`);
  return { kind: 'compare', op: 'eq', left: { kind: 'property', path: ['System_Id'] }, right: { kind: 'literal', type: 'number', value: id } };
}

/** The one row the key names, as its set reads it: 403 outside a Member's reach, 404 when there is none. */
async function sourceRow(scope: ExpandScope, set: ItemSetName, keyText: string): Promise<Row> {
  const key = keyExpression(set, keyText);
  const value = key.kind === 'compare' && key.right.kind === 'literal' ? key.right.value : null;
  await assertNamedInReach(scope.ports, scope.caller, set, key, scope.onlyMe);
  if (set === 'budgets') {
    const views = await listBudgetViews(scope.ports, scope.onlyMe ? { ...scope.caller, access: undefined } : scope.caller);
    const view = views.find((v) => v.id.toLowerCase() === value);
    if (!view) throw notFound(`budget ${String(value)}`);
    return budgetRow(view);
  }
  const item = (await readableItems(scope, [Number(value)])).get(Number(value));
  if (!item) throw notFound(`work item ${String(value)}`);
  return (await itemRows(scope, [item], ITEM_SETS[set].type))[0]!.row;
}

function start(ports: Ports, caller: Caller, query: ODataQuery, root: string): ExpandRun {
  for (const option of ['$apply', 'worklogsFilter', '$count'] as const) {
    if (query[option] !== undefined) throw badRequest('odata.invalid_option', `${option}: not taken on a single entity or a navigation path; use the entity sets`);
  }
  const scope = new ExpandScope(ports, caller, query.prefilter?.toLowerCase() === 'me');
  return { navigator: new Navigator(scope), root, rowsLeft: EXPANDED_ROWS };
}

/** `GET workItems(10)` (or any item set, or `budgets(id)`): the entity, with `$select` and `$expand`. */
export async function queryEntity(ports: Ports, caller: Caller, set: ItemSetName, keyText: string, query: ODataQuery, root: string) {
  const run = start(ports, caller, query, root);
  const options = parseOptions(ITEM_SETS[set].type, query);
  const raw = await sourceRow(run.navigator.scope, set, keyText);
  const shown: AnswerRow[] = [project(raw, options.select)];
  await expandRows(run, set, [raw], shown, options.expand);
  return { '@odata.context': `${root}/$metadata#${set}/$entity`, ...shown[0] };
}

/**
 * `GET workItems(10)/DirectWorklogs`, `/Parent`, `/Root`, `/Children`, `/AllWorklogs`,
 * `budgets(id)/WorkItems`, `/Worklogs`: what an expansion holds, a page at a time with
 * `@odata.nextLink` (1,000 worklogs or 100 work items), or the one related entity (undefined
 * when there is none, as for a top-level item's Parent).
 */
export async function queryNavigation(ports: Ports, caller: Caller, set: ItemSetName, keyText: string, name: string, query: ODataQuery, root: string) {
  const type = ITEM_SETS[set].type;
  const navigation = findNavigation(type, name);
  if (!navigation) throw badRequest('odata.unknown_navigation', `${type.name} has no navigation property ${name}; ${navigationList(type)}`);
  if (!navigation.collection) {
    const option = (['$filter', '$orderby', '$top', '$skip', '$skiptoken'] as const).find((o) => query[o] !== undefined);
    if (option) throw badRequest('odata.invalid_option', `${option}: ${navigation.name} is a single ${navigation.target.name}; it takes $select and $expand`);
  }
  const run = start(ports, caller, query, root);
  const options = withOrder(parseOptions(navigation.target, query), query.$orderby);
  const raw = await sourceRow(run.navigator.scope, set, keyText);
  const path = `${set}(${String(raw.System_Id ?? raw.Id)})/${navigation.name}`;
  let after: NavigationKey | undefined;
  if (query.$skiptoken) {
    const key = decodeContinuation(query.$skiptoken, navigationScope(run, path, query));
    after = navigation.target.name === 'ReportingWorkLog' ? { kind: 'worklog', after: decodeWorklogKey(key) } : { kind: 'item', after: Number(key[0]) };
  }
  // A page of work items that expand collections holds fewer of them, as on the sets.
  const [related] = await run.navigator.related(navigation, [raw], options, after, itemsPerPage(options.expand, EXPANDED_ITEMS));
  const shown: AnswerRow[] = related!.rows.map((row) => project(row, options.select));
  await expandRows(run, navigation.targetSet, related!.rows, shown, options.expand);
  if (!navigation.collection) {
    // OData: a single-valued navigation property that references no entity answers 204.
    if (!shown[0]) return undefined;
    return { '@odata.context': `${root}/$metadata#${navigation.targetSet}/$entity`, ...shown[0] };
  }
  const next = related!.next && navigationLink(run, path, query, related!.next, related!.rows.length);
  return { '@odata.context': `${root}/$metadata#${navigation.targetSet}`, value: shown, ...(next ? { '@odata.nextLink': next } : {}) };
}
