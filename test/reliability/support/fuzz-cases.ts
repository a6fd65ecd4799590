import type { OrgName } from '../../support/api-server.js';
import { applyMutation, valueMutations } from './mutations.js';
import { withFreshInstants } from './schema-samples.js';
import { encodeQuery, fillPath, queryText, type Operation } from './operations.js';

/** Who sends a case: nobody, an Administrator, a Member, or anyone who may call the route. */
export type CallerKind = 'none' | 'admin' | 'member' | 'any';

/** One malformed request, before the oracle has judged it. */
export interface DraftCase {
  route: string;
  label: string;
  method: string;
  /** Path and query below /api, exactly as sent on the wire. */
  target: string;
  body?: string | Buffer;
  /** Defaults to application/json; null sends no Content-Type. */
  contentType?: string | null;
  caller: CallerKind;
  /** Pins the caller's organization (for another org's ids). */
  org?: OrgName;
  /** Refused whatever the schemas say, and why. */
  mustRefuse?: RefusalReason;
  /** The only statuses that answer it right, and what their message must name. */
  statuses?: number[];
  names?: string;
}

/** What no schema sees but a request must still be refused for. */
export type RefusalReason = 'bad date' | 'inverted range' | 'hostile or foreign id' | 'wrong method' | 'no access';

/** Ids that belong to the other organization, per caller organization. */
export type ForeignIds = Record<OrgName, string[]>;

/** The caller a route expects: its access level, and Administrators for permission-gated routes. */
export function callerOf(op: Operation): CallerKind {
  if (op.route.access === 'public') return 'none';
  return op.route.access === 'admin' || op.route.permission ? 'admin' : 'any';
}

export function baseTarget(op: Operation, query: readonly [string, string][] = Object.entries(op.baseQuery)) {
  const path = fillPath(op, () => 'fuzz-id');
  return query.length ? `${path}?${encodeQuery(query)}` : path;
}

const baseBodyText = (op: Operation) => (op.baseBody === undefined ? undefined : JSON.stringify(op.baseBody));

function draft(op: Operation, label: string, fields: Partial<DraftCase>): DraftCase {
  return { route: op.route.name, label, method: op.method, target: baseTarget(op), body: baseBodyText(op), caller: callerOf(op), ...fields };
}

/** Each body case writes at its own instant (a minute apart), so that its worklog meets no other case's. */
let freshSlot = 0;

/** One fault per case in the JSON body: wrong types, bounds, hostile strings, bad dates, missing and extra fields. */
export function bodyCases(op: Operation): DraftCase[] {
  if (!op.body) return [];
  return valueMutations(op.body, op.baseBody).map((m) => {
    const body = JSON.stringify(applyMutation(withFreshInstants(op.baseBody, ++freshSlot), m));
    return draft(op, `body${m.path.map((p) => `.${p}`).join('')}: ${m.label}`, { body, mustRefuse: m.mustRefuse && 'bad date' });
  });
}

/** One fault per case in the query string, plus NUL, surrogates, broken escapes, repeats and inverted ranges. */
export function queryCases(op: Operation): DraftCase[] {
  const base = Object.entries(op.baseQuery);
  const at = (label: string, entries: [string, string][], mustRefuse?: RefusalReason) => draft(op, `query: ${label}`, { target: baseTarget(op, entries), mustRefuse });
  const raw = (label: string, text: string) => draft(op, `query: ${label}`, { target: `${fillPath(op, () => 'fuzz-id')}?${text}` });
  if (!op.query) return [at('a parameter this route does not take', [...base, ['fuzzExtra', '1']]), raw('NUL in an unknown parameter', 'fuzzExtra=%00')];
  const cases: DraftCase[] = [];
  for (const m of valueMutations(op.query, op.baseQuery)) {
    const mutated = applyMutation(op.baseQuery, m);
    if (typeof mutated !== 'object' || !mutated || Array.isArray(mutated)) continue;
    const entries = Object.entries(mutated).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, queryText(v)]);
    cases.push(at(`${m.path.join('.') || '(all)'}: ${m.label}`, entries, m.mustRefuse && 'bad date'));
  }
  for (const name of Object.keys(op.query.properties ?? {})) {
    const others = base.filter(([n]) => n !== name).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`);
    const prefix = others.length ? `${others.join('&')}&` : '';
    const key = encodeURIComponent(name);
    cases.push(raw(`${name}: NUL`, `${prefix}${key}=%00`), raw(`${name}: lone surrogate bytes`, `${prefix}${key}=%ED%A0%80`));
    cases.push(raw(`${name}: broken escape`, `${prefix}${key}=%E0%A4%A`), raw(`${name}: repeated, last one wrong`, `${prefix}${key}=1&${key}=fuzz!~`));
  }
  return [...cases, ...invertedRanges(op).map(([label, entries]) => at(label, entries, 'inverted range'))];
}

/** from > to for every from/to pair of dates the query takes. */
function invertedRanges(op: Operation): [string, [string, string][]][] {
  const props = Object.entries(op.query?.properties ?? {}).filter(([, s]) => s.format === 'date' || s.format === 'date-time');
  const out: [string, [string, string][]][] = [];
  for (const [from, fromSchema] of props.filter(([n]) => /from/i.test(n))) {
    for (const [to] of props.filter(([n, s]) => /to/i.test(n) && !/from/i.test(n) && s.format === fromSchema.format)) {
      const [later, earlier] = fromSchema.format === 'date' ? ['2025-01-07', '2025-01-05'] : ['2025-01-07T00:00:00Z', '2025-01-05T00:00:00Z'];
      const rest = Object.entries(op.baseQuery).filter(([n]) => n !== from && n !== to);
      out.push([`${from} later than ${to}`, [...rest, [from, later], [to, earlier]]]);
    }
  }
  return out;
}

/** Path segments that climb, smuggle NUL or bad bytes, inject, or run to 10 KB. Dot segments are left to URL rules. */
const HOSTILE_SEGMENTS: [string, string, boolean][] = [
  ['dot-dot', '..', false], ['encoded dot-dot', '%2e%2e', false], ['slashes inside the id', '..%2F..%2Frest%2Fme', true],
  ['NUL', '%00', true], ['NUL inside', 'a%00b', true], ['lone surrogate bytes', '%ED%A0%80', true], ['broken escape', '%E0%A4%A', true],
  ['SQL', "'%20OR%201%3D1--", true], ['operator object', encodeURIComponent('{"$ne":null}'), true], ['10 KB', 'x'.repeat(10_240), true],
];

/** Hostile ids, and real ids of the other organization, in every {param}. */
export function pathCases(op: Operation, foreign: ForeignIds): DraftCase[] {
  if (!op.pathParams.length) return [];
  const query = Object.entries(op.baseQuery);
  const target = (segment: string) => `${fillPath(op, () => segment)}${query.length ? `?${encodeQuery(query)}` : ''}`;
  const cases = HOSTILE_SEGMENTS.map(([label, segment, mustRefuse]) => draft(op, `path: ${label}`, { target: target(segment), ...(mustRefuse ? { mustRefuse: 'hostile or foreign id' as const } : {}) }));
  for (const org of Object.keys(foreign) as OrgName[]) {
    for (const id of foreign[org]) cases.push(draft(op, `path: an id of another org (${org} caller)`, { target: target(encodeURIComponent(id)), org, mustRefuse: 'hostile or foreign id' }));
  }
  return cases;
}
