import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { DEPLOYED_BUILD, ROOT } from '../scripts/bundle-functions.js';
import { EXPORT_USERS, writeExportData } from './export-data.js';

const CHILD = fileURLToPath(new URL('./export-child.ts', import.meta.url));
const run = promisify(execFile);

/**
 * The child built as deployed code is (one bundle, plain node), so that its peak RSS is the
 * product's: under the tsx loader the same child idles 70 MB higher, and an XLSX export of
 * 200,000 worklogs peaked at 268 MB instead of 159 MB.
 */
async function buildChild(): Promise<string> {
  // Inside the repository, so that the bundle finds better-sqlite3 (external, as in the deployed bundle) in node_modules.
  const outdir = join(ROOT, 'dist', 'bench', 'export-child');
  await build({ ...DEPLOYED_BUILD, entryPoints: [CHILD], outdir });
  return join(outdir, 'export-child.js');
}

interface ChildResult {
  rows: number;
  seconds: number;
  bytes: number;
  maxRssMb: number;
}

async function exportInChild(child: string, mode: 'idle' | 'read' | 'baseline' | 'csv' | 'xlsx', dir: string, file: string): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, [child, mode, dir, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * Exports of `total` worklogs (an Administrator's, org-wide, through the route table), each
 * in a child process of its own so that its peak RSS is its own, beside a baseline that
 * reads the same pages and writes the same fields joined by commas, unformatted, and beside
 * the pages read with nothing written: the ceiling the store's reads set on this machine.
 * BENCH_EXPORT_ROWS sets `total` (1,000,000 by default).
 */
export async function exportFilesTable(dir: string, total: number): Promise<string> {
  const file = join(dir, 'exports.sqlite');
  const began = performance.now();
  await writeExportData(file, total);
  const generated = (performance.now() - began) / 1000;
  const child = await buildChild();
  const idle = await exportInChild(child, 'idle', dir, file);
  const baseline = await exportInChild(child, 'baseline', dir, file);
  const rows: string[] = [];
  const line = (label: string, r: ChildResult) => {
    const rps = total / r.seconds;
    const base = total / baseline.seconds;
    rows.push(`| ${label} | ${Math.round(rps).toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${(r.bytes / 2 ** 20).toFixed(0)} | ${r.maxRssMb.toFixed(0)} | ${Math.round(base).toLocaleString('en')} | ${(rps / base).toFixed(2)}× |`);
  };
  line('store read alone: the same pages, nothing written', await exportInChild(child, 'read', dir, file));
  line('baseline: same pages, fields joined, unformatted', baseline);
  line('CSV (BOM, RFC 4180 quoting, hours, local times)', await exportInChild(child, 'csv', dir, file));
  line('XLSX (exceljs streaming writer, typed cells)', await exportInChild(child, 'xlsx', dir, file));
  return [
    `exports of ${total.toLocaleString('en')} worklogs (${EXPORT_USERS.toLocaleString('en')} users, an Administrator's org-wide export through the route table; generated in ${generated.toFixed(0)} s), each in a process of its own running the code bundled as deployed:`,
    '| export | rows/s | s | MB written | peak RSS MB | baseline rows/s | vs baseline |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    `Goals: CSV ≥ 200,000 rows/s; peak RSS ≤ 256 MB for both. The same child idle (node, the composed app, no export) peaks at ${idle.maxRssMb.toFixed(0)} MB.`,
  ].join('\n');
}
