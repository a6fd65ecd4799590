import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFunctions, ROOT } from '../scripts/bundle-functions.js';

/**
 * Cold-start cost of the deployed code: a fresh Node process imports the functions bundle
 * (as the Functions worker does; outside the worker @azure/functions runs in test mode and
 * registers nothing), beside the same import of @azure/functions alone, which every
 * Functions app pays. `npm run bench` prints it; `tsx bench/functions-load.ts` alone too.
 */
export interface LoadSample {
  /** The import itself, measured inside the process. */
  importMs: number;
  /** Spawn to exit: Node's own start-up included. */
  processMs: number;
  /** Whether OpenTelemetry registered itself (only with APPLICATIONINSIGHTS_CONNECTION_STRING). */
  telemetry: boolean;
}

const CHILD = `
const started = performance.now();
await import(process.env.LOAD_TARGET);
const importMs = performance.now() - started;
const telemetry = globalThis[Symbol.for('opentelemetry.js.api.1')] !== undefined;
process.stdout.write(JSON.stringify({ importMs, telemetry }));
process.exit(0);
`;

/** Imports `file` in a fresh Node process with a bare environment (plus `env`). */
export async function measureLoad(file: string, env: Record<string, string> = {}): Promise<LoadSample> {
  const started = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD],
      { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '', LOAD_TARGET: pathToFileURL(file).href, ...env }, timeout: 60_000 },
      (error, out, err) => (error ? reject(new Error(`loading ${file} failed: ${err || error.message}`)) : resolve(out)),
    );
  });
  // The last line: @azure/functions logs to stdout outside the host ("HTTP streaming enabled.").
  const { importMs, telemetry } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Omit<LoadSample, 'processMs'>;
  return { importMs, processMs: performance.now() - started, telemetry };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The bench row: median of `runs` loads of a fresh bundle and of the baseline, taking turns. */
export async function functionsLoadTable(runs = Number(process.env.BENCH_LOAD_RUNS ?? '9') || 9): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'timehub-bundle-'));
  try {
    const bundle = await bundleFunctions(dir);
    const baseline = createRequire(join(ROOT, 'package.json')).resolve('@azure/functions');
    const samples = { bundle: [] as LoadSample[], baseline: [] as LoadSample[] };
    for (let i = 0; i < runs; i++) {
      samples.bundle.push(await measureLoad(bundle.entry));
      samples.baseline.push(await measureLoad(baseline));
    }
    const row = (label: string, s: LoadSample[], size: string) =>
      `| ${label} | ${median(s.map((x) => x.importMs)).toFixed(0)} | ${median(s.map((x) => x.processMs)).toFixed(0)} | ${size} |`;
    return [
      '| functions cold load (fresh node process) | import ms (median) | process ms (median) | loaded at start |',
      '| --- | --- | --- | --- |',
      row('dist/bundle/functions.js (whole app)', samples.bundle, `${(bundle.startupBytes / 1024).toFixed(0)} KiB of ${(bundle.totalBytes / 1024).toFixed(0)} KiB`),
      row('baseline: @azure/functions alone', samples.baseline, 'node_modules/@azure/functions'),
      `(${runs} runs each, taking turns; the bundle is rebuilt from the sources first)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await functionsLoadTable());
}
