import { odataQuery, odataSetParams, odataVersionParams, type ODataQuery } from '../../contracts/odata.js';
import { AppError } from '../../domain/errors.js';
import { metadataXml, serviceDocument } from '../../odata/odata-documents.js';
import { ENTITY_SETS, UNSERVED_SETS, type EntitySetName } from '../../odata/odata-model.js';
import { queryFeed, type FeedAnswer } from '../../odata/query-feed.js';
import { assertODataVersion } from '../api-version.js';
import { invalidInput } from '../http-errors.js';
import { defineRoute, TextAnswer, withHeaders, type AnyRoute } from '../route.js';

const tag = 'OData';
const ODATA_HEADERS = { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', 'OData-Version': '4.0' };

/** The feed's root as the client reached it (the host behind Front Door, https in the cloud), once its version is checked. */
function serviceRoot(header: (name: string) => string | undefined, version: string, set?: EntitySetName) {
  assertODataVersion(version);
  const versions = set && ENTITY_SETS[set].versions;
  if (versions && !versions.includes(version.toLowerCase())) {
    throw new AppError(404, 'odata.set_not_in_version', `${set} is served in ${versions.join(' and ')} only, as 7pace serves it: use /api/odata/${versions[0]}/${set}`);
  }
  const host = header('x-forwarded-host') ?? header('host') ?? 'localhost';
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = header('x-forwarded-proto') ?? (local ? 'http' : 'https');
  return `${proto}://${host}/api/odata/${version}`;
}

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

function setRoutes(set: EntitySetName, summary: string): AnyRoute[] {
  return [
    defineRoute({
      name: `odata_${set}`, method: 'GET', path: `/odata/{version}/${set}`, access: 'member', tag, unwrapped: true,
      summary: `${summary}; 1,000 a page with @odata.nextLink. Members see their own (or prefilter=Me), Team leads their teams', managers and Administrators everyone's`,
      params: odataVersionParams, query: odataQuery,
      handle: async ({ app, caller, params, query, header }) => {
        const root = serviceRoot(header, params.version, set);
        return feedJson(root, set, query, await queryFeed(app.ports, caller, set, query));
      },
    }),
    defineRoute({
      name: `odata_${set}_query`, method: 'POST', path: `/odata/{version}/${set}/$query`, access: 'member', tag, unwrapped: true, rawBody: true,
      summary: `${set} with the query options in a text/plain body ($filter=...&$top=...)`,
      params: odataVersionParams,
      handle: async ({ app, caller, params, rawBody, header }) => {
        const root = serviceRoot(header, params.version, set);
        const query = optionsInBody(rawBody);
        return feedJson(root, set, query, await queryFeed(app.ports, caller, set, query));
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
  ...setRoutes('workLogsOnly', 'Worklogs as 7pace\'s ReportingWorkLog: $filter, $select, $orderby, $top, $skip, $count, $apply, worklogsFilter, prefilter'),
  ...setRoutes('workLogsWorkItems', 'Worklogs with their work item (ReportingWorkLogWorkItem): the options of workLogsOnly'),
  ...setRoutes('workLogsOnlyWithDeleted', 'workLogsOnly with deleted worklogs (IsDeleted, EditedTimestamp at the delete), for incremental refresh (v3.3-beta)'),
  ...setRoutes('workLogsWorkItemsWithDeleted', 'workLogsWorkItems with deleted worklogs (IsDeleted), for incremental refresh (v3.3-beta)'),
  defineRoute({
    name: 'odataUnserved', method: 'GET', path: '/odata/{version}/{entitySet}', access: 'member', tag,
    summary: "7pace's other entity sets: answers 404 naming what they need", params: odataSetParams,
    handle: async ({ params }) => {
      assertODataVersion(params.version);
      const needs = UNSERVED_SETS[params.entitySet.toLowerCase()];
      const message = needs
        ? `${params.entitySet} is not served yet: it needs ${needs}. workLogsOnly and workLogsWorkItems are served`
        : `there is no entity set ${params.entitySet}; the feed serves workLogsOnly and workLogsWorkItems (and their …WithDeleted sets in v3.3-beta)`;
      throw new AppError(404, needs ? 'odata.set_not_served' : 'odata.no_such_set', message);
    },
  }),
];
