import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(repo, 'node_modules/.bin/tsx');

interface Run { code: number; stdout: string; stderr: string }

/** The environment of a shell that set none of Timehub's settings, plus `env`. */
function cleanEnv(env: Record<string, string>) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['DATA_DIR', 'PORT'].includes(name)));
  return { ...inherited, ...env };
}

/** `npm run token -- --org fabrikam --user bob`, from `cwd` (whose ./.data is the fallback). */
function mint(env: Record<string, string>, cwd = repo): Promise<Run> {
  return new Promise((resolve) => {
    const args = [join(repo, 'scripts/token.ts'), '--org', 'fabrikam', '--user', 'bob'];
    execFile(tsx, args, { cwd, env: cleanEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

let root: string;
let serverDir: string;
let servers: string;
let port: number;
let server: ChildProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'timehub-token-'));
  serverDir = join(root, 'server-data');
  servers = join(root, 'servers');
  port = await freePort();
  server = spawn(tsx, ['scripts/start.ts'], {
    cwd: repo,
    env: cleanEnv({ DATA_DIR: serverDir, PORT: String(port), TIMEHUB_LOCAL_SERVERS_DIR: servers }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  server.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  while (!out.includes('An API token for scripts')) {
    if (server.exitCode !== null) throw new Error(`npm start exited: ${out}`);
    await once(server.stdout!, 'data');
  }
}, 180_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

const me = (token: string) =>
  fetch(`http://127.0.0.1:${port}/api/rest/me`, { headers: { authorization: `Bearer ${token}` } });

describe('npm run token, without DATA_DIR', () => {
  it('mints_for_the_running_server_and_says_which_data_folder_and_port', async () => {
    const run = await mint({ TIMEHUB_LOCAL_SERVERS_DIR: servers });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Minted for the server on port ${port}, DATA_DIR=${serverDir}.`);
    expect((await me(lastLine(run.stdout))).status).toBe(200);
  });

  it('mints_for_the_server_on_PORT_when_it_is_given', async () => {
    const run = await mint({ TIMEHUB_LOCAL_SERVERS_DIR: servers, PORT: String(port) });
    expect(run.code).toBe(0);
    expect((await me(lastLine(run.stdout))).status).toBe(200);
  });

  it('answers_401_naming_its_data_folder_for_a_token_minted_into_another', async () => {
    const elsewhere = join(root, 'other-data');
    const run = await mint({ TIMEHUB_LOCAL_SERVERS_DIR: servers, DATA_DIR: elsewhere });
    expect(run.stderr).toContain(`Minted into DATA_DIR=${elsewhere}`);
    const answer = await me(lastLine(run.stdout));
    expect(answer.status).toBe(401);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toContain(`the data folder ${serverDir}`);
    expect(error.message).toContain('minted into another DATA_DIR');
  });

  it('falls_back_to_the_default_folder_with_a_clear_message_once_the_server_stopped', async () => {
    server.kill('SIGTERM');
    await once(server, 'exit');
    expect(readdirSync(servers)).toEqual([]);
    const elsewhere = mkdtempSync(join(root, 'checkout-'));
    const run = await mint({ TIMEHUB_LOCAL_SERVERS_DIR: servers }, elsewhere);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`No local server is running: minted into DATA_DIR=${join(elsewhere, '.data')}, valid for a server started on that folder.`);
    expect(existsSync(join(elsewhere, '.data', 'timehub.sqlite'))).toBe(true);
    const onPort = await mint({ TIMEHUB_LOCAL_SERVERS_DIR: servers, PORT: String(port) }, elsewhere);
    expect(onPort.stderr).toContain(`No local server answers on port ${port}: minted into DATA_DIR=`);
  });
});
