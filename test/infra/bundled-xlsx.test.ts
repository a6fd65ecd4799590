import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { DEPLOYED_BUILD, ROOT } from '../../scripts/bundle-functions.js';
import { xlsxRecords } from '../support/export-download.js';

const dir = mkdtempSync(join(tmpdir(), 'timehub-bundled-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script that writes a small workbook through the export's XLSX writer to the file it is given. */
const WRITE_WORKBOOK = `
import { createWriteStream } from 'node:fs';
import { writeXlsx } from './shared/exports/write-xlsx.js';
const columns = [
  { header: 'User', kind: 'text', value: (row) => row.user },
  { header: 'Hours', kind: 'hours', value: (row) => row.seconds },
];
async function* batches() { yield [{ user: 'Ærin', seconds: 5400 }, { user: 'Bob', seconds: 1800 }]; }
const out = createWriteStream(process.argv[2]);
for await (const chunk of writeXlsx(columns, batches())) out.write(chunk);
out.end();
`;

it('writes an XLSX in code bundled as deployed without Node warning about a deprecated Buffer() call', async () => {
  const script = join(dir, 'write-workbook.js');
  await build({ ...DEPLOYED_BUILD, splitting: false, stdin: { contents: WRITE_WORKBOOK, resolveDir: ROOT, loader: 'ts' }, outfile: script });
  const file = join(dir, 'workbook.xlsx');
  const { stderr } = await promisify(execFile)(process.execPath, [script, file]);
  expect(stderr).not.toMatch(/DeprecationWarning|DEP0005/);
  expect(await xlsxRecords(readFileSync(file))).toEqual([{ User: 'Ærin', Hours: 1.5 }, { User: 'Bob', Hours: 0.5 }]);
}, 60_000);
