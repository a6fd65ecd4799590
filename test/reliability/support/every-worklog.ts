import type { Call } from './keep-alive-client.js';

const PAGE = 500;

/**
 * All of the caller's worklogs, read in pages by start time (not by $skip, so that deep
 * reads stay cheap). Each page starts at the last start seen and is deduplicated by id,
 * so worklogs that share a start (a duplicate would) are all found.
 */
export async function everyWorklog<T extends { id: string; timestamp: string }>(call: Call): Promise<T[]> {
  const found = new Map<string, T>();
  let from = '1970-01-01T00:00:00Z';
  for (;;) {
    const reply = await call('GET', `/rest/workLogs?$count=${PAGE}&$fromTimestamp=${encodeURIComponent(from)}`);
    if (reply.status !== 200) throw new Error(`listing worklogs answered ${reply.status} ${JSON.stringify(reply.body)}`);
    const page = reply.body!.data as T[];
    const before = found.size;
    for (const worklog of page) found.set(worklog.id, worklog);
    if (page.length < PAGE || found.size === before) return [...found.values()];
    from = page[page.length - 1]!.timestamp;
  }
}
