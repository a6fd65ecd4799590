import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageExtension } from '../../scripts/package-extension.js';
import { readZip } from './support/read-zip.js';

interface VsoManifest {
  baseUri?: string;
  scopes: string[];
  contributions: { id: string; type: string; targets: string[]; properties: { uri?: string; registeredObjectId?: string } }[];
}

/** The four contributions and where Azure DevOps shows them (PLATFORM-NOTES: manifest targets). */
const EXPECTED = [
  { id: 'time-hub', type: 'ms.vss-web.hub', target: 'ms.vss-work-web.work-hub-group' },
  { id: 'work-item-tab', type: 'ms.vss-work-web.work-item-form-page', target: 'ms.vss-work-web.work-item-form' },
  { id: 'start-tracking-action', type: 'ms.vss-web.action', target: 'ms.vss-work-web.work-item-toolbar-menu' },
  { id: 'subscription-hub', type: 'ms.vss-web.hub', target: 'ms.vss-web.collection-admin-hub-group' },
];

describe('npm run package', { timeout: 180_000 }, () => {
  const outDir = mkdtempSync(join(tmpdir(), 'timehub-vsix-'));
  let packages: Map<string, Map<string, Buffer>>;

  beforeAll(async () => {
    const paths = await packageExtension(outDir);
    packages = new Map(paths.map((path) => [path.includes('timehub-dev-') ? 'dev' : 'prod', readZip(path)]));
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(['dev', 'prod'])('the %s .vsix holds the four contributions with their targets, and their pages', (variant) => {
    const files = packages.get(variant);
    expect(files).toBeDefined();
    const manifest = JSON.parse(files?.get('extension.vsomanifest')?.toString('utf8') ?? '{}') as VsoManifest;
    expect(manifest.scopes.sort()).toEqual(['vso.profile', 'vso.work']);
    expect(manifest.contributions.map(({ id, type, targets }) => ({ id, type, target: targets[0] })).sort((a, b) => a.id.localeCompare(b.id)))
      .toEqual([...EXPECTED].sort((a, b) => a.id.localeCompare(b.id)));
    for (const contribution of manifest.contributions) {
      expect(contribution.properties.uri).toBe(`dist/${contribution.id}/${contribution.id}.html`);
      expect(files?.has(contribution.properties.uri ?? '')).toBe(true);
    }
    expect(manifest.contributions.find((c) => c.id === 'start-tracking-action')?.properties.registeredObjectId).toBe('start-tracking-action');
  });

  it('differs between dev and prod in id, name and backend (the dev one is served by the local host)', () => {
    const identity = (variant: string) => /<Identity [^>]*Id="([^"]+)"/.exec(packages.get(variant)?.get('extension.vsixmanifest')?.toString('utf8') ?? '')?.[1];
    const name = (variant: string) => /<DisplayName>([^<]+)</.exec(packages.get(variant)?.get('extension.vsixmanifest')?.toString('utf8') ?? '')?.[1];
    const baseUri = (variant: string) => (JSON.parse(packages.get(variant)?.get('extension.vsomanifest')?.toString('utf8') ?? '{}') as VsoManifest).baseUri;
    expect([identity('dev'), name('dev'), baseUri('dev')]).toEqual(['timehub-dev', 'Timehub (dev)', 'http://localhost:7071']);
    expect([identity('prod'), name('prod'), baseUri('prod')]).toEqual(['timehub', 'Timehub', undefined]);
  });
});
