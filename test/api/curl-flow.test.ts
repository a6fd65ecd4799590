import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'scripts/curl-demo.sh');

/**
 * A clock that moves one second each time it is read, so that the tracker the script
 * starts has run a few seconds by the time it stops, without anybody sleeping.
 */
class TickingClock extends MutableClock {
  override now(): Date {
    this.advance(1000);
    return super.now();
  }
}

interface Run { code: number; stdout: string; stderr: string }

/** Runs the script without blocking the event loop: the API answers from this process. */
function runScript(env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', [script], { cwd: repo, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let api: TestApi | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function bobsApiToken(test: TestApi) {
  const created = await client(test, await test.signIn('fabrikam', 'bob'))('POST', '/rest/apiTokens', { name: 'curl demo' });
  expect(created.status).toBe(201);
  return created.body.data.token as string;
}

describe('scripts/curl-demo.sh', () => {
  it('starts, reads current, stops and finds the worklog using curl alone', async () => {
    api = await startTestApi({ clock: new TickingClock(new Date()) });
    const token = await bobsApiToken(api);

    const run = await runScript({ BASE_URL: api.url, TOKEN: token });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/current: work item 1, \d+s elapsed/);
    const id = /stopped: worklog (\S+),/.exec(run.stdout)?.[1];
    expect(run.stdout).toContain(`found worklog ${id} in GET /api/rest/workLogs`);

    const listed = await client(api, token)('GET', '/rest/workLogs');
    expect(listed.body.data).toEqual([expect.objectContaining({ id, workItemId: 1, flags: expect.objectContaining({ isTracked: true }) })]);
    expect((await client(api, token)('GET', '/tracking/client/current')).body.data.tracker).toBeNull();
  });

  it('mints its own token with npm run token when TOKEN is unset', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'timehub-curl-'));
    const clock = new TickingClock(new Date());
    // The same SQLite file that `npm run token` writes to, through DATA_DIR.
    api = await startTestApi({ clock, store: new SqliteDocumentStore(join(dataDir, 'timehub.sqlite'), clock) });

    const run = await runScript({ BASE_URL: api.url, TOKEN: '', DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('minting an API token');
    expect(run.stdout).toContain(`Minted into DATA_DIR=${dataDir}`);
    expect(run.stdout).toMatch(/found worklog \S+ in GET \/api\/rest\/workLogs/);
  });

  it('exits non-zero, saying why, when the token is refused', async () => {
    api = await startTestApi({ clock: new TickingClock(new Date()) });
    const run = await runScript({ BASE_URL: api.url, TOKEN: 'th.not.a.token' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/startTracking answered HTTP 401/);
  });

  it('exits non-zero when the work item does not exist', async () => {
    api = await startTestApi({ clock: new TickingClock(new Date()) });
    const run = await runScript({ BASE_URL: api.url, TOKEN: await bobsApiToken(api), WORK_ITEM: '999' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/HTTP 422.*work item 999 does not exist/);
  });

  it('exits non-zero when nothing answers at BASE_URL', async () => {
    const run = await runScript({ BASE_URL: 'http://127.0.0.1:9', TOKEN: 'th.any.token.here' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/no answer from http:\/\/127\.0\.0\.1:9/);
  });
});
