import type { IHostNavigationService } from 'azure-devops-extension-api/Common';
import * as SDK from 'azure-devops-extension-sdk';
import { useEffect, useState } from 'react';
import { SERVICE_IDS } from '../shared/host-services.js';

export type HubTab = 'timesheet' | 'approvals' | 'settings';
const isTab = (value: string): value is HubTab => value === 'timesheet' || value === 'approvals' || value === 'settings';

/** The selected tab, kept in the host's URL hash (#settings) so that it survives a reload and can be linked. */
export function useHubTab(): [HubTab, (tab: HubTab) => void] {
  const [tab, setTab] = useState<HubTab>('timesheet');
  useEffect(() => {
    let current = true;
    SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation)
      .then((navigation) => navigation.getHash())
      .then((hash) => { if (current && isTab(hash.replace(/^#/, ''))) setTab(hash.replace(/^#/, '') as HubTab); })
      .catch(() => { /* no hash support: the first tab it is */ });
    return () => { current = false; };
  }, []);
  const select = (next: HubTab) => {
    setTab(next);
    void SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation).then((navigation) => navigation.setHash(next)).catch(() => {});
  };
  return [tab, select];
}
