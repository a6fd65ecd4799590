import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Which `npm start` servers run on this machine, and on which data folder: each writes a
 * record into a well-known folder while it listens, so that `npm run token` mints for the
 * server the user means, whatever DATA_DIR and PORT it was started with.
 */
const localServer = z.object({
  port: z.number().int(),
  dataDir: z.string().min(1),
  pid: z.number().int(),
  startedAt: z.string(),
});
export type LocalServer = z.infer<typeof localServer>;

/** TIMEHUB_LOCAL_SERVERS_DIR moves the folder (tests keep their servers apart from a developer's). */
export const localServersFolder = (env: NodeJS.ProcessEnv = process.env) =>
  env.TIMEHUB_LOCAL_SERVERS_DIR ?? join(tmpdir(), 'timehub-local-servers');

/** Records a listening server; the returned function removes the record at stop. */
export function recordLocalServer(port: number, dataDir: string, now: Date, env = process.env): () => void {
  const folder = localServersFolder(env);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${port}.json`);
  const record: LocalServer = { port, dataDir: resolve(dataDir), pid: process.pid, startedAt: now.toISOString() };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return () => {
    if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** The recorded servers whose process still runs and which answer on their port. */
export async function runningLocalServers(env = process.env): Promise<LocalServer[]> {
  const folder = localServersFolder(env);
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const records = files.map((name) => readRecord(join(folder, name))).filter((r): r is LocalServer => !!r && processRuns(r.pid));
  const answering = await Promise.all(records.map((record) => answers(record.port)));
  return records.filter((_, i) => answering[i]).sort((a, b) => a.port - b.port);
}

function readRecord(file: string): LocalServer | undefined {
  try {
    const parsed = localServer.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function processRuns(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(port: number) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
