import type { DATE_FORMATS, TIME_FORMATS } from '../contracts/settings.js';
import type { Document } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { userPartition } from '../worklogs/user-ledger.js';

export interface UserSettings {
  /** Emails when the server stops one's tracker. On unless the user turns it off. */
  emailNotificationsOnTracking: boolean;
  /** Emails about time approvals (a week submitted to one, one's week decided, reminders). On unless turned off. */
  emailNotificationsOnApprovals: boolean;
  /**
   * The user's IANA time zone: what a timestamp without an offset means (7pace's local
   * time) and `me.timeZone`. null: not set, such timestamps are UTC.
   */
  timeZone: string | null;
  /** Lengths as `1:30` or `1.5` in the UI. */
  timeFormat: (typeof TIME_FORMATS)[number];
  /** Dates as the browser's locale writes them, or as a chosen locale does. */
  dateFormat: (typeof DATE_FORMATS)[number];
  /** The first day of the user's timesheet week; null: the organization's. */
  firstDayOfWeek: number | null;
  /** What a workday should hold; the month view compares each day against it. */
  dailyTargetHours: number;
  /** The weekdays with a target (0 = Sunday … 6 = Saturday). */
  workdays: number[];
}

interface UserSettingsDoc extends Document, Partial<UserSettings> {
  type: 'userSettings';
}

const DEFAULT_USER_SETTINGS: UserSettings = {
  emailNotificationsOnTracking: true, emailNotificationsOnApprovals: true, timeZone: null,
  timeFormat: 'h:mm', dateFormat: 'locale', firstDayOfWeek: null, dailyTargetHours: 8, workdays: [1, 2, 3, 4, 5],
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
