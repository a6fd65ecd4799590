import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const scripts = Object.keys((JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const root = mkdtempSync(join(tmpdir(), 'timehub-help-'));
// Where a script that ignored --help would leave traces: a data folder, a record of a running server.
const traces = { DATA_DIR: join(root, 'data'), TIMEHUB_LOCAL_SERVERS_DIR: join(root, 'servers'), PORT: '9' };

afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(command: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repo, env: { ...process.env, ...traces }, timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout }));
  });
}

describe('--help on every script', () => {
  it.each(['start', 'token', 'license', 'bench', 'package', 'build'])('npm run %s -- --help prints its usage and does nothing else', async (name) => {
    expect(scripts).toContain(name);
    const { code, stdout } = await run('npm', ['run', '--silent', name, '--', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^usage:\\s+npm (run )?${name}\\b`));
    expect(existsSync(traces.DATA_DIR)).toBe(false);
    expect(existsSync(traces.TIMEHUB_LOCAL_SERVERS_DIR)).toBe(false);
  });

  it('scripts/curl-demo.sh --help prints its settings and calls no server', async () => {
    const { code, stdout } = await run('bash', ['scripts/curl-demo.sh', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('PORT');
    expect(stdout).toContain('usage:');
    expect(stdout).not.toContain('minting');
    expect(existsSync(traces.DATA_DIR)).toBe(false);
  });
});
