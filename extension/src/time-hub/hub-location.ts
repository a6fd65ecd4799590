export type HubTab = 'timesheet' | 'explorer' | 'reports' | 'approvals' | 'budgets' | 'settings';
const TABS: readonly string[] = ['timesheet', 'explorer', 'reports', 'approvals', 'budgets', 'settings'] satisfies HubTab[];
const isTab = (value: string): value is HubTab => TABS.includes(value);

/** Where the hub is: a tab, and that tab's own state after a `?` (the Reports page's query). */
export interface HubLocation {
  tab: HubTab;
  params: string;
}

/** `#reports?from=…&groupBy=user` → { tab: 'reports', params: 'from=…&groupBy=user' }; anything else is the first tab. */
export function parseHubHash(hash: string): HubLocation {
  const [tab = '', ...rest] = hash.replace(/^#/, '').split('?');
  return isTab(tab) ? { tab, params: rest.join('?') } : { tab: 'timesheet', params: '' };
}

export const hubHash = ({ tab, params }: HubLocation) => (params ? `${tab}?${params}` : tab);
