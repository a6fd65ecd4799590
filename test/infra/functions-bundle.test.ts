import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoad } from '../../bench/functions-load.js';
import { bundleFunctions, EXTERNALS, type BundleReport } from '../../scripts/bundle-functions.js';

/** What a cold start may cost at most to load the app, on this kind of machine (measured: ~0.3 s). */
const MAX_LOAD_MS = 3_000;

let dir: string;
let bundle: BundleReport;

beforeAll(async () => {
  // Outside the repository: no node_modules above it, as in the deployed package.
  dir = mkdtempSync(join(tmpdir(), 'timehub-bundle-test-'));
  bundle = await bundleFunctions(dir);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the functions bundle', () => {
  it('loads_in_a_fresh_node_process_without_node_modules_in_under_3_seconds', async () => {
    const sample = await measureLoad(bundle.entry);
    expect(sample.importMs).toBeLessThan(MAX_LOAD_MS);
    expect(sample.telemetry).toBe(false);
  });

  it('imports_nothing_at_run_time_but_node_built_ins_and_the_declared_externals', () => {
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...EXTERNALS]);
    expect(bundle.externalImports.filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('keeps_the_start_up_code_small_and_the_azure_sdks_in_lazy_chunks', () => {
    expect(bundle.startupBytes).toBeLessThan(1.5 * 1024 * 1024);
    expect(bundle.totalBytes).toBeGreaterThan(bundle.startupBytes * 3);
  });

  it('starts_opentelemetry_when_azure_sets_the_application_insights_connection_string', async () => {
    const sample = await measureLoad(bundle.entry, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/',
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=11111111-1111-1111-1111-111111111111',
    });
    expect(sample.telemetry).toBe(true);
    expect(sample.importMs).toBeLessThan(MAX_LOAD_MS);
  });
});
