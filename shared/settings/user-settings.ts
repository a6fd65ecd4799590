import { DEFAULT_PREFERENCES, type Preferences } from '../contracts/settings.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { userPartition } from '../worklogs/user-ledger.js';

/** The user's own settings: notices, time zone, and the preferences the UI applies. */
export interface UserSettings extends Preferences {
  /** Emails when the server stops one's tracker. On unless the user turns it off. */
  emailNotificationsOnTracking: boolean;
  /** Emails about time approvals (a week submitted to one, one's week decided, reminders). On unless turned off. */
  emailNotificationsOnApprovals: boolean;
  /**
   * The user's IANA time zone: what a timestamp without an offset means (7pace's local
   * time) and `me.timeZone`. null: not set, such timestamps are UTC.
   */
  timeZone: string | null;
}

interface UserSettingsDoc extends Document, Partial<UserSettings> {
  type: 'userSettings';
}

const DEFAULT_USER_SETTINGS: UserSettings = {
  emailNotificationsOnTracking: true, emailNotificationsOnApprovals: true, timeZone: null, ...DEFAULT_PREFERENCES,
};

export async function readUserSettings(ports: Pick<Ports, 'store'>, orgId: string, userId: string): Promise<UserSettings> {
  const doc = await ports.store.read<UserSettingsDoc>('worklogs', userPartition(orgId, userId), 'settings');
  // Documents written before a setting existed lack it: they read as its default.
  const stored = Object.fromEntries(Object.keys(DEFAULT_USER_SETTINGS).map((key) => [key, doc?.[key as keyof UserSettings]]));
  return { ...DEFAULT_USER_SETTINGS, ...definedOnly(stored) };
}

/** Last write wins: only the user writes their own settings. A setting left out keeps its value. */
export async function writeUserSettings(ports: Pick<Ports, 'store'>, orgId: string, userId: string, change: Partial<UserSettings>) {
  const settings = { ...(await readUserSettings(ports, orgId, userId)), ...definedOnly(change) };
  const doc: UserSettingsDoc = {
    id: 'settings', pk: userPartition(orgId, userId), type: 'userSettings', schemaVersion: 1, ...settings,
  };
  await ports.store.upsert('worklogs', doc);
  return settings;
}

const definedOnly = (change: Partial<Record<string, unknown>>) => Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
