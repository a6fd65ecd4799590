import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EXPORT_USERS, writeExportData } from './export-data.js';

const CHILD = fileURLToPath(new URL('./odata-child.ts', import.meta.url));
const run = promisify(execFile);

interface ChildResult {
  rows: number;
  seconds: number;
  bytes: number;
  pages: number;
  maxRssMb: number;
  maxBlockMs: number;
  maxBlockCpuMs: number;
}

async function readInChild(mode: 'idle' | 'odata' | 'rest', dir: string, file: string): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, mode, dir, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * `total` worklogs of EXPORT_USERS users (eight a day: 2,000,000 is a year of workdays)
 * read whole by an Administrator through the OData feed's nextLinks, beside the REST list
 * of the same rows through its continuation tokens, each in its own process.
 * BENCH_ODATA_ROWS sets `total` (2,000,000 by default).
 */
export async function odataFeedTable(dir: string, total: number): Promise<string> {
  const file = join(dir, 'odata.sqlite');
  const began = performance.now();
  await writeExportData(file, total);
  const generated = (performance.now() - began) / 1000;
  const idle = await readInChild('idle', dir, file);
  const rest = await readInChild('rest', dir, file);
  const odata = await readInChild('odata', dir, file);
  const line = (label: string, r: ChildResult) =>
    `| ${label} | ${Math.round(r.rows / r.seconds).toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.pages.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(0)} | ${r.maxRssMb.toFixed(0)} | ${r.maxBlockCpuMs.toFixed(0)} (${r.maxBlockMs.toFixed(0)}) |`;
  return [
    `OData feed: ${total.toLocaleString('en')} worklogs (${EXPORT_USERS.toLocaleString('en')} users; generated in ${generated.toFixed(0)} s) read whole by an Administrator through the route table, each in its own process:`,
    '| read | rows/s | s | pages | MB of JSON | peak RSS MB | longest event-loop hold, CPU ms (wall ms) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    line('baseline: REST /rest/workLogs/all, $count=500 with continuation tokens', rest),
    line('OData /odata/v3.2/workLogsOnly, 1,000 a page by @odata.nextLink', odata),
    `Rows agree: ${odata.rows === rest.rows && odata.rows === total ? 'yes' : `no (OData ${odata.rows}, REST ${rest.rows}, written ${total})`}. Goal: a page holds the event loop ≤ 50 ms. The same child idle peaks at ${idle.maxRssMb.toFixed(0)} MB.`,
  ].join('\n');
}
