import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { userPartition } from '../worklogs/user-ledger.js';

export interface UserSettings {
  /** Emails when the server stops one's tracker. On unless the user turns it off. */
  emailNotificationsOnTracking: boolean;
}

interface UserSettingsDoc extends Document, UserSettings {
  type: 'userSettings';
}

const DEFAULT_USER_SETTINGS: UserSettings = { emailNotificationsOnTracking: true };

export async function readUserSettings(ports: Pick<Ports, 'store'>, orgId: string, userId: string): Promise<UserSettings> {
  const doc = await ports.store.read<UserSettingsDoc>('worklogs', userPartition(orgId, userId), 'settings');
  return { ...DEFAULT_USER_SETTINGS, ...(doc ? { emailNotificationsOnTracking: doc.emailNotificationsOnTracking } : {}) };
}

/** Last write wins: only the user writes their own settings. */
export async function writeUserSettings(ports: Pick<Ports, 'store'>, orgId: string, userId: string, settings: UserSettings) {
  const doc: UserSettingsDoc = {
    id: 'settings', pk: userPartition(orgId, userId), type: 'userSettings', schemaVersion: 1, ...settings,
  };
  await ports.store.upsert('worklogs', doc);
  return settings;
}
