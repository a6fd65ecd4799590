import { DEFAULT_AUTOMATION, type AutomationSettings } from '../domain/work-item-automation.js';
import type { Caller } from '../identity/caller.js';
import type { Document, DocumentStore } from '../ports/document-store.js';

interface AutomationSettingsDoc extends Document {
  type: 'automationSettings';
  settings: AutomationSettings;
}

const SETTINGS_ID = 'automationSettings';
/** How long an instance trusts what it read: turning automation on reaches every instance within this. */
export const AUTOMATION_CACHE_MS = 10_000;
const seen = new Map<string, { on: boolean; readAt: number }>();

export async function readAutomationSettings(store: DocumentStore, orgId: string): Promise<AutomationSettings> {
  const doc = await store.read<AutomationSettingsDoc>('orgs', orgId, SETTINGS_ID);
  return { ...DEFAULT_AUTOMATION, ...doc?.settings };
}

/**
 * Whether the org writes time back, as the ledger asks on every worklog write: one point read
 * per org and instance every few seconds at most. (A cache's age, not business time: no clock port.)
 */
export async function isAutomationOn(store: DocumentStore, orgId: string): Promise<boolean> {
  const cached = seen.get(orgId);
  if (cached && performance.now() - cached.readAt < AUTOMATION_CACHE_MS) return cached.on;
  const { enabled } = await readAutomationSettings(store, orgId);
  seen.set(orgId, { on: enabled, readAt: performance.now() });
  return enabled;
}

/** Forgets what this process read (an org's, or all): the next write reads the settings again. */
export function forgetAutomationSettings(orgId?: string) {
  if (orgId === undefined) seen.clear();
  else seen.delete(orgId);
}

export async function readAutomationSettingsFor(ports: { store: DocumentStore }, caller: Caller) {
  return readAutomationSettings(ports.store, caller.orgId);
}

/** Last write wins: the settings are one small document. Applies at once on this instance. */
export async function writeAutomationSettings(ports: { store: DocumentStore }, caller: Caller, settings: AutomationSettings) {
  await ports.store.upsert<AutomationSettingsDoc>('orgs', { id: SETTINGS_ID, pk: caller.orgId, type: 'automationSettings', schemaVersion: 1, settings });
  forgetAutomationSettings(caller.orgId);
  return settings;
}
