import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { schema } from '../../../shared/config/settings.js';

const ENTRY = fileURLToPath(new URL('./crash-server.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;

/** A server in its own process on a DATA_DIR, that the test can only kill, never ask to stop. */
export interface ChildServer {
  url: string;
  /** SIGKILL: no handler runs, no statement finishes, nothing is flushed. Resolves once it is gone. */
  kill(): Promise<void>;
  /** What the child wrote to stderr (errors, worker failures), for the failure message. */
  stderr(): string;
}

const living = new Set<ChildProcess>();
// A failing or interrupted test run must not leave a server behind.
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/** Starts test/reliability/support/crash-server.ts with tsx on `dataDir`; resolves once it listens. */
export async function startChildServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...withoutTimehubSettings(process.env), DATA_DIR: dataDir },
    // stdin stays open while this process lives: the child exits when it closes, however the test run ends.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  living.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    living.delete(child);
    resolve();
  }));
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child server did not start in time:\n${errors}`)), START_TIMEOUT_MS);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const match = /listening (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the child server exited before listening:\n${errors}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stderr: () => errors,
  };
}

/** The embedded defaults, whatever the shell running the tests has set (a COSMOS_ENDPOINT, say). */
function withoutTimehubSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !(name in schema.shape)));
}

/** Kills every child server still running (for afterAll). */
export async function killAllChildServers(): Promise<void> {
  const children = [...living];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))));
}
