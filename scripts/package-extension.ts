import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXTENSION_DIR, contributionFragments } from './dev-host/extension-manifest.js';
import { productVersion } from './dev-host/mount-dev-host.js';
import { ensureUiBuilt } from './dev-host/ui-build.js';
import { exitOnHelp } from './usage.js';

const run = promisify(execFile);
const TFX = join(EXTENSION_DIR, '..', 'node_modules', '.bin', 'tfx');
export const VARIANTS = ['dev', 'prod'] as const;

/**
 * `npm run package`: builds the UI, then packs the dev and the prod .vsix with tfx-cli
 * (offline): vss-extension.json, each contribution's fragment (src/<name>/<name>.json) and
 * the variant's overrides (id, name, baseUri), at package.json's version.
 */
export async function packageExtension(outDir = join(EXTENSION_DIR, 'out')): Promise<string[]> {
  await ensureUiBuilt({ log: console.log });
  await mkdir(outDir, { recursive: true });
  const version = await productVersion();
  const fragments = await contributionFragments();
  const written: string[] = [];
  for (const variant of VARIANTS) {
    const { stdout } = await run(TFX, [
      'extension', 'create', '--root', EXTENSION_DIR,
      '--manifest-globs', 'vss-extension.json', ...fragments,
      '--overrides-file', join(EXTENSION_DIR, `vss-extension.${variant}.json`),
      '--override', JSON.stringify({ version }),
      '--output-path', outDir, '--no-prompt', '--json',
    ]);
    const { path } = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { path: string };
    written.push(path);
  }
  return written;
}

const usage = `usage: npm run package [-- <output folder>]

Builds the UI when its sources changed, then writes the dev and the prod .vsix (default
into extension/out/). The prod extension calls https://{org} + PUBLIC_HOST_SUFFIX
(default .timehub.example.com); the dev one calls http://localhost:7071.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  exitOnHelp(usage);
  packageExtension(process.argv[2]).then(
    (paths) => console.log(`Packaged, ready for tfx extension publish:\n${paths.map((p) => `  ${p}`).join('\n')}`),
    (error: unknown) => { console.error(error); process.exit(1); },
  );
}
