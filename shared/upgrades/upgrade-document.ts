import type { Document } from '../ports/document-store.js';
import { upgradeWith, type DocumentUpgrades } from './document-upgrades.js';
import { organizationUpgrades } from './organization-upgrades.js';
import { worklogUpgrades } from './worklog-upgrades.js';

/** Every document type that has been written in more than one shape (a new one is added here once). */
const REGISTRY: ReadonlyMap<string, DocumentUpgrades> = new Map([organizationUpgrades, worklogUpgrades].map((u) => [u.type, u]));

/** The document as this release writes it (readers upgrade older versions, see DESIGN.md). */
export function upgradeDocument<T extends Document>(doc: T): T {
  const upgrades = REGISTRY.get(doc.type);
  return upgrades ? upgradeWith(upgrades, doc) : doc;
}
