import { MAX_BODY_BYTES } from '../../../shared/http/local-host.js';
import type { AnyRoute } from '../../../shared/http/route.js';
import { createRouter } from '../../../shared/http/router.js';
import { baseTarget, callerOf, type DraftCase } from './fuzz-cases.js';
import type { Operation } from './operations.js';

const BROKEN_JSON = ['{', '{"a":1,}', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":1}{"b":2}', '{"a":1}garbage', '\u0000', '1e400'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Nested arrays `depth` deep: a parser or validator that recurses may run out of stack. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bodies that are not the JSON the route takes: broken, huge, deep, mislabelled, mis-encoded. */
export function rawBodyCases(op: Operation): DraftCase[] {
  if (!op.body && !op.route.rawBody) return [];
  const base = JSON.stringify(op.baseBody ?? {});
  const withExtra = (value: string) => (base.startsWith('{') && base !== '{}' ? base.replace(/^\{/, `{"fuzzExtra":${value},`) : `{"fuzzExtra":${value}}`);
  // A string field whose bytes are not UTF-8: split around a marker and splice raw bytes in.
  const [head = '', tail = ''] = withExtra('"MARK"').split('MARK');
  const at = (label: string, body: string | Buffer, fields: Partial<DraftCase> = {}): DraftCase => ({
    route: op.route.name, label: `raw body: ${label}`, method: op.method, target: baseTarget(op), body, caller: callerOf(op), ...fields,
  });
  return [
    ...BROKEN_JSON.map((text) => at(`broken JSON ${JSON.stringify(text)}`, text)),
    at('a UTF-8 byte order mark', `\ufeff${base}`),
    at('bytes that are not UTF-8', Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from(tail)])),
    at('over the size limit', withExtra(JSON.stringify('x'.repeat(MAX_BODY_BYTES))), { statuses: [413], names: 'body' }),
    at('900 KB in an unknown field', withExtra(JSON.stringify('x'.repeat(900_000)))),
    at('100,000 levels of nesting', withExtra(nested(100_000))),
    at('100,000 levels of nesting as the whole body', nested(100_000)),
    at('an empty body', ''),
    at('labelled text/plain', base, { contentType: 'text/plain' }),
    at('without a Content-Type', base, { contentType: null }),
    at('form-encoded', 'name=fuzz&color=%23336699', { contentType: 'application/x-www-form-urlencoded' }),
    at('multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', { contentType: 'multipart/form-data; boundary=x' }),
    at('UTF-16 labelled as such', Buffer.from(base, 'utf16le'), { contentType: 'application/json; charset=utf-16' }),
  ];
}

/** Every method a path does not serve (as the host's router sees it): 404 or 405, naming the method. */
export function wrongMethodCases(ops: readonly Operation[], routes: readonly AnyRoute[]): DraftCase[] {
  const match = createRouter(routes);
  const byPath = new Map<string, Operation[]>();
  for (const op of ops) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const cases: DraftCase[] = [];
  for (const [, served] of byPath) {
    const first = served[0]!;
    for (const method of METHODS.filter((m) => match(m, baseTarget(first).split('?')[0]!).kind !== 'found')) {
      cases.push({
        route: first.route.name, label: `wrong method ${method}`, method, target: baseTarget(first), caller: callerOf(first),
        body: method === 'GET' || method === 'OPTIONS' ? undefined : '{}', mustRefuse: 'wrong method', statuses: [404, 405], names: method,
      });
    }
  }
  return cases;
}

/** No token on a protected route (401), and a Member on an Administrator's route (403). */
export function accessCases(op: Operation): DraftCase[] {
  if (op.route.access === 'public') return [];
  const base = { route: op.route.name, method: op.method, target: baseTarget(op), body: op.baseBody === undefined ? undefined : JSON.stringify(op.baseBody), mustRefuse: 'no access' as const };
  const cases: DraftCase[] = [{ ...base, label: 'no token', caller: 'none', statuses: [401] }];
  if (op.route.access === 'admin') cases.push({ ...base, label: 'a Member on an Administrator route', caller: 'member', statuses: [403] });
  return cases;
}
