import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from './extension-manifest.js';

const ROOT = join(EXTENSION_DIR, '..');
/** Kept outside the outputs (which get packaged and served); `npm ci` clears it with node_modules. */
const STAMPS = join(ROOT, 'node_modules', '.cache', 'timehub-ui-build');

/** What the bundles are built from: when none of it changed, the last build stands. */
const SOURCES = ['extension/src', 'extension/dev-host/src', 'extension/vite.config.ts', 'shared/contracts', 'shared/domain', 'package-lock.json'];

const TARGETS = [
  { mode: 'production', outDir: join(EXTENSION_DIR, 'dist') },
  { mode: 'dev-host', outDir: join(EXTENSION_DIR, 'dev-host', 'dist') },
] as const;

/** Builds the extension's pages and the dev host page with Vite, unless they are up to date. */
export async function ensureUiBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<'built' | 'fresh'> {
  const fingerprint = await sourceFingerprint();
  const stale = [];
  for (const target of TARGETS) {
    const stamp = await readFile(join(STAMPS, `${target.mode}.stamp`), 'utf8').catch(() => '');
    const built = await stat(join(target.outDir, 'assets')).then(() => true, () => false);
    if (options.force || !built || stamp !== fingerprint) stale.push(target);
  }
  if (stale.length === 0) return 'fresh';
  const { build } = await import('vite');
  for (const target of stale) {
    options.log?.(`Building the extension UI (${target.mode === 'dev-host' ? 'dev host page' : 'extension pages'}) with Vite…`);
    await build({ configFile: join(EXTENSION_DIR, 'vite.config.ts'), mode: target.mode });
    await mkdir(STAMPS, { recursive: true });
    await writeFile(join(STAMPS, `${target.mode}.stamp`), fingerprint);
  }
  return 'built';
}

async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  // The production backend's host suffix is built into the pages (see extension/vite.config.ts).
  hash.update(`PUBLIC_HOST_SUFFIX=${process.env.PUBLIC_HOST_SUFFIX ?? ''}\n`);
  for (const source of SOURCES) {
    for (const file of await filesUnder(join(ROOT, source))) {
      const info = await stat(file);
      hash.update(`${relative(ROOT, file)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}
