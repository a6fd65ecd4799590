import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_PREFERENCES as DEFAULT_USER_PREFERENCES } from '../../../shared/contracts/settings.js';
import type { MySettingsView } from '../../../shared/settings/my-settings.js';
import { applyFormatPreferences } from './format.js';
import type { TimehubApi } from './timehub-api.js';

export type Preferences = MySettingsView;

/** What a page shows without the user's own (they could not be read): the defaults, in Monday weeks. */
const DEFAULT_PREFERENCES: Preferences = {
  emailNotificationsOnTracking: true, emailNotificationsOnApprovals: true, timeZone: null, ...DEFAULT_USER_PREFERENCES, organizationFirstDayOfWeek: 1,
};

export interface PreferencesState {
  preferences: Preferences;
  /** The user's first day of the week, else the organization's (0 = Sunday … 6 = Saturday). */
  firstDayOfWeek: number;
  /** After a save: every page part reads the new preferences. */
  replace: (next: Preferences) => void;
}

const PreferencesContext = createContext<PreferencesState>({
  preferences: DEFAULT_PREFERENCES, firstDayOfWeek: DEFAULT_PREFERENCES.organizationFirstDayOfWeek, replace: () => undefined,
});

/**
 * The user's preferences, read once as the page starts and applied to every format. Without
 * them (an error) the page shows the defaults rather than fail: its own requests say what is wrong.
 */
export async function loadPreferences(api: TimehubApi): Promise<Preferences> {
  const preferences = await api.mySettings().catch(() => DEFAULT_PREFERENCES);
  applyFormatPreferences(preferences);
  return preferences;
}

export function PreferencesProvider({ initial, children }: { initial: Preferences; children: ReactNode }) {
  const [preferences, setPreferences] = useState(initial);
  const state = useMemo<PreferencesState>(() => ({
    preferences,
    firstDayOfWeek: preferences.firstDayOfWeek ?? preferences.organizationFirstDayOfWeek,
    replace: (next) => {
      applyFormatPreferences(next);
      setPreferences(next);
    },
  }), [preferences]);
  return <PreferencesContext.Provider value={state}>{children}</PreferencesContext.Provider>;
}

export const usePreferences = () => useContext(PreferencesContext);
