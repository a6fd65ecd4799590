import type { DocumentUpgrades, StoredFields } from './document-upgrades.js';

/** Worklogs from before the server stopped trackers itself have no `stopReason`: none was given. */
function version1To2(doc: StoredFields): Record<string, unknown> {
  return { ...doc, stopReason: doc.stopReason ?? null };
}

/** Worklogs from before internal targets name none. */
function version2To3(doc: StoredFields): Record<string, unknown> {
  return { ...doc, targetId: doc.targetId ?? null };
}

export const worklogUpgrades: DocumentUpgrades = { type: 'worklog', steps: [version1To2, version2To3] };
