import { badRequest } from '../domain/errors.js';

/** The versions 7pace documents or its clients send (7PACE-API.md §1); the tracking API also took 2.1. */
const REST_VERSIONS = ['3.0', '3.0-preview', '3.1', '3.2', '3.2-beta', '3.3-beta'];
const TRACKING_VERSIONS = [...REST_VERSIONS, '2.1'];

/**
 * `api-version` may be left out (Timehub's own UI does), but a version nobody documents
 * answers 400 `ApiVersionError` rather than being served as if it were another.
 */
export function assertApiVersion(path: string, query: URLSearchParams) {
  const sent = query.getAll('api-version');
  if (!sent.length) return;
  const known = /^\/tracking\//i.test(path) ? TRACKING_VERSIONS : REST_VERSIONS;
  const wrong = sent.find((version) => !known.includes(version.trim().toLowerCase()));
  if (wrong !== undefined) {
    throw badRequest('request.api_version', `api-version "${wrong}" is not supported here; use one of ${known.join(', ')}`);
  }
}

/** 7pace's reporting feed names its version in the path (`/odata/v3.2/...`); D6 also shows `v3.3`. */
const ODATA_VERSIONS = [...REST_VERSIONS, '3.3'].map((version) => `v${version}`);

/** Checked by the feed's routes once the caller is known and the request valid (so a request without a token still answers 401). */
export function assertODataVersion(version: string) {
  if (ODATA_VERSIONS.includes(version.toLowerCase())) return;
  throw badRequest('request.api_version', `OData version "${version.slice(0, 40)}" is not served; use one of ${ODATA_VERSIONS.join(', ')}, as in /api/odata/v3.2/workLogsOnly`);
}

/**
 * The tracking API at api-version 2.1 answered its models bare (T1's client reads
 * `{track, ...}` at the top level); 3.x answers in `{ data }` like the REST API. Errors keep
 * their envelope either way.
 */
export const answersBare = (path: string, query: URLSearchParams) =>
  /^\/tracking\//i.test(path) && query.getAll('api-version').some((version) => version.trim() === '2.1');
