import type { Caller } from '../identity/caller.js';
import type { Document, DocumentStore } from '../ports/document-store.js';

/** Used % at which a budget's managers get a notice, unless the org sets its own. */
export const DEFAULT_THRESHOLDS = [80, 100];

interface BudgetSettingsDoc extends Document {
  type: 'budgetSettings';
  thresholds: number[];
}

const SETTINGS_ID = 'budgetSettings';

export async function readBudgetThresholds(store: DocumentStore, orgId: string): Promise<number[]> {
  return (await store.read<BudgetSettingsDoc>('orgs', orgId, SETTINGS_ID))?.thresholds ?? DEFAULT_THRESHOLDS;
}

export async function readBudgetSettings(ports: { store: DocumentStore }, caller: Caller) {
  return { thresholds: await readBudgetThresholds(ports.store, caller.orgId) };
}

/** Last write wins: the whole setting is one list. */
export async function writeBudgetSettings(ports: { store: DocumentStore }, caller: Caller, settings: { thresholds: number[] }) {
  const thresholds = [...settings.thresholds].sort((a, b) => a - b);
  await ports.store.upsert<BudgetSettingsDoc>('orgs', { id: SETTINGS_ID, pk: caller.orgId, type: 'budgetSettings', schemaVersion: 1, thresholds });
  return { thresholds };
}
