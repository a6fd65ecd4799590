import type { Document } from '../ports/document-store.js';

/** The stored fields of a document of some older version, as JSON gave them back. */
export type StoredFields = Readonly<Record<string, unknown>>;

/** One step of a document type's path: a document as version n wrote it, as version n+1 writes it. Pure. */
export type UpgradeStep = (doc: StoredFields) => Record<string, unknown>;

/**
 * The upgrade path of one document type: `steps[0]` turns version 1 into 2, `steps[1]` 2
 * into 3, and so on. The current version is one more than the number of steps, so adding
 * a step is the whole change: writers stamp `currentVersion(...)` and pick it up.
 */
export interface DocumentUpgrades {
  type: string;
  steps: readonly UpgradeStep[];
}

export const currentVersion = (upgrades: DocumentUpgrades) => upgrades.steps.length + 1;

/**
 * The document as the current version writes it. A document of the current version, of a
 * newer one (written by a newer release during a rolling deploy) or of a type without
 * upgrades comes back as it is.
 */
export function upgradeWith<T extends Document>(upgrades: DocumentUpgrades, doc: T): T {
  const from = Number.isInteger(doc.schemaVersion) && doc.schemaVersion >= 1 ? doc.schemaVersion : 1;
  if (from >= currentVersion(upgrades)) return doc;
  let fields: Record<string, unknown> = { ...(doc as unknown as StoredFields) };
  for (const step of upgrades.steps.slice(from - 1)) fields = step(fields);
  return { ...fields, schemaVersion: currentVersion(upgrades) } as unknown as T;
}
