import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { splitAtTies, toSql } from '../../shared/adapters/sqlite/sqlite-query.js';
import type { ContainerName, DocumentStore, Query } from '../../shared/ports/document-store.js';
import { client, startTestApi, type TestApi } from './api-server.js';
import { MutableClock } from './mutable-clock.js';
import { DAY, T0, at, consecutiveWorklogs } from './worklog-builder.js';

const looksForIntents = (query: Query) => query.where?.some((c) => c.field === 'type' && c.value === 'batchIntent') ?? false;

/** The store, recording every worklog query the use cases send through it (not the look for half-applied commits, checked on its own). */
export function recordingWorklogQueries(store: DocumentStore, queries: Query[]): DocumentStore {
  return new Proxy(store, {
    get(target, name) {
      if (name === 'query') {
        return (container: ContainerName, query: Query) => {
          if (container === 'worklogs' && !looksForIntents(query)) queries.push(query);
          return target.query(container, query);
        };
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** SQLite's plan of each worklog query as the store runs it (a keyset page across partitions runs as its ties and the rest). */
export function worklogQueryPlans(db: Database.Database, queries: readonly Query[], nowMs: number): string[] {
  const run = queries.flatMap((q) => {
    const split = splitAtTies(q);
    return split ? [split.rest, ...(split.ties ? [split.ties] : [])] : [q];
  });
  return run.map((query) => {
    const { sql, params } = toSql('worklogs', query, nowMs);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
  });
}

/** An API on a store file of its own, recording worklog queries, where alice, bob and carol each logged `perUser` consecutive worklogs five days back (at the same instants: pages end among ties across partitions). */
export async function plannedWorklogsApi(dir: string, perUser: number): Promise<{ api: TestApi; file: string; clock: MutableClock; queries: Query[] }> {
  const file = join(dir, 'store.sqlite');
  const clock = new MutableClock(T0);
  const queries: Query[] = [];
  const api = await startTestApi({ clock, store: recordingWorklogQueries(new SqliteDocumentStore(file, clock), queries) });
  for (const user of ['alice', 'bob', 'carol'] as const) {
    const res = await client(api, await api.signIn('fabrikam', user))('POST', '/rest/workLogs/batch', consecutiveWorklogs(perUser, at(T0, -5 * DAY), 600));
    if (res.status !== 201) throw new Error(`${user}'s worklogs were refused: ${res.status}`);
  }
  return { api, file, clock, queries };
}
