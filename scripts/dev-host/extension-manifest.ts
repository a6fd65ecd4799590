import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', 'extension');

export interface Contribution {
  id: string;
  type: string;
  targets: string[];
  description?: string;
  properties: Record<string, unknown> & { name?: string; uri?: string; text?: string; registeredObjectId?: string };
}

export interface ExtensionManifest {
  publisher: string;
  id: string;
  name: string;
  version: string;
  baseUri?: string;
  scopes: string[];
  contributions: Contribution[];
}

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

/** The manifest as tfx merges it: vss-extension.json, the variant's overrides, and each contribution's fragment. */
export async function readManifest(variant: 'dev' | 'prod', dir = EXTENSION_DIR): Promise<ExtensionManifest> {
  const base = await readJson<Omit<ExtensionManifest, 'contributions'>>(join(dir, 'vss-extension.json'));
  const overrides = await readJson<Partial<ExtensionManifest>>(join(dir, `vss-extension.${variant}.json`));
  const contributions: Contribution[] = [];
  for (const fragment of await contributionFragments(dir)) {
    contributions.push(...(await readJson<{ contributions: Contribution[] }>(join(dir, fragment))).contributions);
  }
  return { ...base, ...overrides, contributions };
}

/** `src/<name>/<name>.json`: one manifest fragment beside each contribution's code. */
export async function contributionFragments(dir = EXTENSION_DIR): Promise<string[]> {
  const entries = await readdir(join(dir, 'src'), { withFileTypes: true });
  const fragments: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const files = await readdir(join(dir, 'src', entry.name));
    if (files.includes(`${entry.name}.json`)) fragments.push(join('src', entry.name, `${entry.name}.json`));
  }
  return fragments.sort();
}
