import { createServer, type Server } from 'node:http';
import type { Caller } from '../shared/identity/caller.js';
import type { Ports } from '../shared/ports/index.js';
import { getTimesheet } from '../shared/timesheet/get-timesheet.js';
import { currentTracker } from '../shared/tracking/current-tracker.js';
import { startTracking } from '../shared/tracking/start-tracking.js';
import { stopTracking } from '../shared/tracking/stop-tracking.js';
import { addWorklogs } from '../shared/worklogs/add-worklogs.js';

/**
 * The baseline: a bare node:http handler calling the same use cases on the same kind of
 * store, without the framework: no route table, no zod, no token check (the bearer
 * string is looked up in a Map), no error mapping beyond a plain 500.
 */
export function createBareServer(ports: Ports, callers: ReadonlyMap<string, Caller>): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const caller = callers.get(req.headers.authorization ?? '');
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
      };
      if (!caller) return send(401, { error: { code: 'bare.unknown_token', message: 'unknown token' } });
      answer(ports, caller, req.method ?? 'GET', req.url ?? '/', body).then(
        ([status, data]) => send(status, { data: data ?? null }),
        (error: unknown) => send(500, { error: { code: 'bare.failed', message: String((error as Error).message ?? error) } }),
      );
    });
  });
}

async function answer(ports: Ports, caller: Caller, method: string, url: string, body: unknown): Promise<[number, unknown]> {
  if (method === 'POST' && url === '/api/tracking/client/startTracking') {
    return [200, await startTracking(ports, caller, body as Parameters<typeof startTracking>[2])];
  }
  if (method === 'POST' && url === '/api/tracking/client/stopTracking') {
    return [200, await stopTracking(ports, caller)];
  }
  // The one-read baseline: a point read of the user's state.
  if (method === 'GET' && url === '/api/tracking/client/current') return [200, await currentTracker(ports, caller)];
  if (method === 'POST' && url === '/api/rest/workLogs') {
    const [added] = await addWorklogs(ports, caller, [body as Parameters<typeof addWorklogs>[2][number]]);
    return [201, added];
  }
  if (method === 'GET' && url.startsWith('/api/timesheet?')) {
    const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    return [200, await getTimesheet(ports, caller, { from: query.get('from') ?? '', to: query.get('to') ?? '' })];
  }
  throw new Error(`the bare server has no ${method} ${url}`);
}
