import { odataKeyParams, odataNavigationParams, odataQuery, odataSetParams, odataVersionParams, type ODataQuery } from '../../contracts/odata.js';
import { AppError } from '../../domain/errors.js';
import { metadataXml, serviceDocument } from '../../odata/odata-documents.js';
import { ENTITY_SETS, setsOf, type EntitySetName, type ItemSetName } from '../../odata/odata-model.js';
import { queryFeed, type FeedAnswer } from '../../odata/query-feed.js';
import { queryItemFeed } from '../../odata/query-item-feed.js';
import { queryEntity, queryNavigation } from '../../odata/navigation-feed.js';
import { assertODataVersion } from '../api-version.js';
import { invalidInput } from '../http-errors.js';
import { defineRoute, NoContent, TextAnswer, withHeaders, type AnyRoute } from '../route.js';

const tag = 'OData';
const ODATA_HEADERS = { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', 'OData-Version': '4.0' };

/** The feed's root as the client reached it (the host behind Front Door, https in the cloud), once its version is checked. */
function serviceRoot(header: (name: string) => string | undefined, version: string, set?: string) {
  assertODataVersion(version);
  const versions = set && set in ENTITY_SETS ? ENTITY_SETS[set as EntitySetName].versions : undefined;
  if (versions && !versions.includes(version.toLowerCase())) {
    throw new AppError(404, 'odata.set_not_in_version', `${set} is served in ${versions.join(' and ')} only, as 7pace serves it: use /api/odata/${versions[0]}/${set}`);
  }
  const host = header('x-forwarded-host') ?? header('host') ?? 'localhost';
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = header('x-forwarded-proto') ?? (local ? 'http' : 'https');
  return `${proto}://${host}/api/odata/${version}`;
}

const WORKLOG_RULES = "; 1,000 a page with @odata.nextLink. Members see their own (or prefilter=Me), Team leads their teams', managers and Administrators everyone's";
const ITEM_RULES = '; 100 a page with @odata.nextLink. Members (or prefilter=Me) see work items they tracked time on; Team leads, managers and Administrators all';

const encode = (entries: [string, string][]) => entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** The answer's JSON: value, `@odata.count` and `@odata.nextLink` (the request's options, with the next position). */
function feedJson(root: string, set: string, query: ODataQuery, answer: FeedAnswer) {
  const context = `${root}/$metadata#${set}`;
  if (answer.kind === 'aggregate') return withHeaders({ '@odata.context': context, value: answer.rows }, ODATA_HEADERS);
  const kept = Object.entries(query).filter(([key, value]) => value !== undefined && !['$skiptoken', '$skip', '$top', '$count'].includes(key));
  const options: [string, string][] = kept.map(([key, value]) => [key, String(value)]);
  const next = answer.next && `${root}/${set}?${encode([...options, ...Object.entries(answer.next).map(([k, v]): [string, string] => [k, String(v)])])}`;
  return withHeaders({ '@odata.context': context, ...(answer.count === undefined ? {} : { '@odata.count': answer.count }), value: answer.rows, ...(next ? { '@odata.nextLink': next } : {}) }, ODATA_HEADERS);
}

/** `POST …/$query`: the options in the body, as a query string (7PACE-API.md §4.2). */
function optionsInBody(rawBody: string): ODataQuery {
  const parsed = odataQuery.safeParse(Object.fromEntries(new URLSearchParams(rawBody.trim())));
  if (!parsed.success) throw invalidInput('body', parsed.error);
  return parsed.data;
}

type Answer = (ports: Parameters<typeof queryFeed>[0], caller: Parameters<typeof queryFeed>[1], query: ODataQuery, root: string) => Promise<FeedAnswer>;

const worklogSet = (set: EntitySetName): Answer => (ports, caller, query) => queryFeed(ports, caller, set, query);
const itemSet = (set: ItemSetName): Answer => (ports, caller, query, root) => queryItemFeed(ports, caller, set, query, root);

function setRoutes(set: EntitySetName | ItemSetName, summary: string, answer: Answer = worklogSet(set as EntitySetName)): AnyRoute[] {
  return [
    defineRoute({
      name: `odata_${set}`, method: 'GET', path: `/odata/{version}/${set}`, access: 'member', tag, unwrapped: true,
      summary,
      params: odataVersionParams, query: odataQuery,
      handle: async ({ app, caller, params, query, header }) => {
        const root = serviceRoot(header, params.version, set);
        return feedJson(root, set, query, await answer(app.ports, caller, query, root));
      },
    }),
    defineRoute({
      name: `odata_${set}_query`, method: 'POST', path: `/odata/{version}/${set}/$query`, access: 'member', tag, unwrapped: true, rawBody: true,
      summary: `${set} with the query options in a text/plain body ($filter=...&$top=...)`,
      params: odataVersionParams,
      handle: async ({ app, caller, params, rawBody, header }) => {
        const root = serviceRoot(header, params.version, set);
        const query = optionsInBody(rawBody);
        return feedJson(root, set, query, await answer(app.ports, caller, query, root));
      },
    }),
  ];
}

const NAVIGATION_SUMMARY = {
  workItems: 'Parent (ParentItem in v3.0), Root, Children, DirectWorklogs',
  workItemsHierarchy: 'Parent, Children, DirectWorklogs, AllWorklogs',
  workItemsHierarchyAllLevels: 'Parent, Children, DirectWorklogs, AllWorklogs',
  budgets: 'WorkItems, Worklogs',
} satisfies Record<ItemSetName, string>;

/** `workItems(10)` and `workItems(10)/DirectWorklogs`: one entity, and where its navigation properties lead (7PACE-API.md §4.1). */
function pathRoutes(set: ItemSetName): AnyRoute[] {
  return [
    defineRoute({
      name: `odata_${set}_entity`, method: 'GET', path: `/odata/{version}/${set}({key})`, access: 'member', tag, unwrapped: true,
      summary: `One entity of ${set} by its key, with $select and $expand (${NAVIGATION_SUMMARY[set]}); the set's role rules`,
      params: odataKeyParams, query: odataQuery,
      handle: async ({ app, caller, params, query, header }) => {
        const root = serviceRoot(header, params.version, set);
        return withHeaders(await queryEntity(app.ports, caller, set, params.key, query, root), ODATA_HEADERS);
      },
    }),
    defineRoute({
      name: `odata_${set}_navigation`, method: 'GET', path: `/odata/{version}/${set}({key})/{navigation}`, access: 'member', tag, unwrapped: true,
      summary: `Where a navigation property of one ${set} entity leads (${NAVIGATION_SUMMARY[set]}): 1,000 worklogs or 100 work items a page with @odata.nextLink; the role rules of workLogsOnly and ${set}`,
      params: odataNavigationParams, query: odataQuery,
      handle: async ({ app, caller, params, query, header }) => {
        const root = serviceRoot(header, params.version, set);
        const answer = await queryNavigation(app.ports, caller, set, params.key, params.navigation, query, root);
        return answer ? withHeaders(answer, ODATA_HEADERS) : new NoContent({ 'OData-Version': '4.0' });
      },
    }),
  ];
}

/** 7pace's Reporting API v3.x (`/api/odata/v3.0` … `v3.3-beta`), read by Excel, Power BI and scripts. */
export const odataRoutes: AnyRoute[] = [
  defineRoute({
    name: 'odataService', method: 'GET', path: '/odata/{version}', access: 'member', tag, unwrapped: true,
    summary: 'The OData service document: the entity sets (where Excel and Power BI start)', params: odataVersionParams,
    handle: async ({ params, header }) => withHeaders(serviceDocument(serviceRoot(header, params.version), params.version), ODATA_HEADERS),
  }),
  defineRoute({
    name: 'odataMetadata', method: 'GET', path: '/odata/{version}/$metadata', access: 'member', tag,
    summary: "The feed's CSDL (XML), in 7pace's names", params: odataVersionParams,
    handle: async ({ params }) => {
      assertODataVersion(params.version);
      return new TextAnswer('application/xml; charset=utf-8', metadataXml(params.version), { 'OData-Version': '4.0' });
    },
  }),
  ...setRoutes('workLogsOnly', `Worklogs as 7pace's ReportingWorkLog: $filter, $select, $orderby, $top, $skip, $count, $apply, worklogsFilter, prefilter${WORKLOG_RULES}`),
  ...setRoutes('workLogsWorkItems', `Worklogs with their work item (ReportingWorkLogWorkItem): the options of workLogsOnly${WORKLOG_RULES}`),
  ...setRoutes('workItems', `The org's work items as 7pace's ReportingWorkItemFlat, with TrackedItself (seconds, all time)${ITEM_RULES}`, itemSet('workItems')),
  ...setRoutes('workItemsHierarchy', `Work items without a parent as ReportingWorkItemHierarchy, with TrackedTotal of their subtree${ITEM_RULES}`, itemSet('workItemsHierarchy')),
  ...setRoutes('workItemsHierarchyAllLevels', `Every work item as ReportingWorkItemHierarchy, with TrackedTotal of its subtree${ITEM_RULES}`, itemSet('workItemsHierarchyAllLevels')),
  ...setRoutes('budgets', `Budgets as 7pace's ReportingBudgetExtended (Planned, Tracked, Billed, Remaining; seconds)${ITEM_RULES.replace('work items', 'budgets of work items')}`, itemSet('budgets')),
  ...(['workItems', 'workItemsHierarchy', 'workItemsHierarchyAllLevels', 'budgets'] as const).flatMap(pathRoutes),
  ...setRoutes('workLogsOnlyWithDeleted', `workLogsOnly with deleted worklogs (IsDeleted, EditedTimestamp at the delete), for incremental refresh (v3.3-beta)${WORKLOG_RULES}`),
  ...setRoutes('workLogsWorkItemsWithDeleted', `workLogsWorkItems with deleted worklogs (IsDeleted), for incremental refresh (v3.3-beta)${WORKLOG_RULES}`),
  defineRoute({
    name: 'odataNoSuchSet', method: 'GET', path: '/odata/{version}/{entitySet}', access: 'member', tag,
    summary: 'Any other name: 404 listing the entity sets the version serves', params: odataSetParams,
    handle: async ({ params }) => {
      assertODataVersion(params.version);
      const served = setsOf(params.version).map(([name]) => name).join(', ');
      throw new AppError(404, 'odata.no_such_set', `there is no entity set ${params.entitySet}; ${params.version} serves ${served}`);
    },
  }),
];
