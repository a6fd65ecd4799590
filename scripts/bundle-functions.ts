import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitOnHelp } from './usage.js';

/**
 * Bundles functions/*.ts and what they import into one ESM entry (plus lazily loaded chunks)
 * for the Functions host: the deployed package holds no node_modules, and a cold start reads
 * a few files instead of thousands. `npm run build` runs it; package.json `main` points at
 * the entry it writes.
 */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');
export const BUNDLE_ENTRY = 'functions.js';

/**
 * Not bundled: better-sqlite3 is native, and only the embedded store loads it (a lazy chunk
 * that never runs in Azure). @azure/functions-core is not a package: the Functions worker
 * provides it; outside the worker @azure/functions runs in test mode without it.
 */
export const EXTERNALS = ['better-sqlite3', '@azure/functions-core'];

/** CommonJS inside an ESM bundle needs a real `require` (for Node built-ins and the externals). */
const REQUIRE_SHIM = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

/**
 * archiver-utils 2 (exceljs 4's zip writer) still calls `new Buffer()`, so the first XLSX
 * export of a process logged Node's DEP0005 warning: Node stays quiet about node_modules,
 * not about bundled code. archiver-utils 3 breaks exceljs' zip output, so the three calls
 * are rewritten to what they mean.
 */
function modernBufferCalls(): Plugin {
  return {
    name: 'modern-buffer-calls',
    setup(build) {
      build.onLoad({ filter: /[\\/]archiver-utils[\\/]index\.js$/ }, async ({ path }) => ({
        contents: (await readFile(path, 'utf8')).replace(/new Buffer\((size|0)\)/g, 'Buffer.alloc($1)').replace(/new Buffer\(source\)/g, 'Buffer.from(source)'),
        loader: 'js',
      }));
    },
  };
}

/** How deployed code is built: what the functions bundle and anything measured as deployed (bench/export-files.ts) share. */
export const DEPLOYED_BUILD: BuildOptions = {
  plugins: [modernBufferCalls()],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNALS,
  banner: { js: REQUIRE_SHIM },
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

export interface BundleReport {
  entry: string;
  files: { path: string; bytes: number }[];
  totalBytes: number;
  /** Bytes the entry and the chunks it imports statically load at start-up. */
  startupBytes: number;
  /** What the bundle still imports at run time: Node built-ins and EXTERNALS only. */
  externalImports: string[];
}

export async function bundleFunctions(outdir = BUNDLE_DIR): Promise<BundleReport> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [{ in: 'timehub:functions', out: BUNDLE_ENTRY.replace(/\.js$/, '') }],
    ...DEPLOYED_BUILD,
    plugins: [functionsEntry(), ...(DEPLOYED_BUILD.plugins ?? [])],
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const files = Object.keys(outputs)
    .map((path) => ({ path: relative(outdir, resolve(ROOT, path)), bytes: statSync(resolve(ROOT, path)).size }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const js = (path: string) => path.endsWith('.js');
  const entryKey = Object.keys(outputs).find((path) => path.endsWith(`/${BUNDLE_ENTRY}`))!;
  const startup = new Set<string>();
  const visit = (key: string) => {
    if (startup.has(key)) return;
    startup.add(key);
    for (const imported of outputs[key]?.imports ?? []) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entryKey);
  return {
    entry: join(outdir, BUNDLE_ENTRY),
    files,
    totalBytes: files.filter((f) => js(f.path)).reduce((sum, f) => sum + f.bytes, 0),
    startupBytes: [...startup].reduce((sum, key) => sum + (outputs[key]?.bytes ?? 0), 0),
    externalImports: [...new Set(Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort(),
  };
}

/** One entry importing every functions/*.ts, index.ts first (telemetry and app.setup before any registration). */
function functionsEntry(): Plugin {
  const files = readdirSync(join(ROOT, 'functions'))
    .filter((name) => name.endsWith('.ts'))
    .sort((a, b) => Number(b === 'index.ts') - Number(a === 'index.ts') || a.localeCompare(b));
  return {
    name: 'timehub-functions-entry',
    setup(build) {
      build.onResolve({ filter: /^timehub:functions$/ }, () => ({ path: 'functions', namespace: 'timehub' }));
      build.onLoad({ filter: /.*/, namespace: 'timehub' }, () => ({
        contents: files.map((name) => `import './functions/${name}';`).join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      }));
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const usage = `usage: npm run build

Bundles functions/*.ts with esbuild into dist/bundle/ (entry ${BUNDLE_ENTRY}, which
package.json's main points the Functions host at). It prints the bundle's size.`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  exitOnHelp(usage);
  const report = await bundleFunctions();
  console.log(`bundled functions/*.ts into ${relative(ROOT, report.entry)}: ${kb(report.startupBytes)} loaded at start, ${kb(report.totalBytes)} of JavaScript in ${report.files.filter((f) => f.path.endsWith('.js')).length} files`);
}
