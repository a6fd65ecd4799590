import type { IHostNavigationService } from 'azure-devops-extension-api/Common';
import * as SDK from 'azure-devops-extension-sdk';
import { useEffect, useState } from 'react';
import { SERVICE_IDS } from '../shared/host-services.js';
import { hubHash, parseHubHash, type HubLocation, type HubTab } from './hub-location.js';

export type { HubTab };

/**
 * The selected tab and its state, kept in the host's URL hash (#settings, #reports?…) so
 * that they survive a reload and can be linked.
 */
export function useHubTab(): [HubTab, (tab: HubTab, params?: string) => void, string] {
  const [location, setLocation] = useState<HubLocation>({ tab: 'timesheet', params: '' });
  useEffect(() => {
    let current = true;
    SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation)
      .then(async (navigation) => {
        navigation.onHashChanged((hash) => { if (current) setLocation(parseHubHash(hash)); });
        const hash = await navigation.getHash();
        if (current) setLocation(parseHubHash(hash));
      })
      .catch(() => { /* no hash support: the first tab it is */ });
    return () => { current = false; };
  }, []);
  const select = (tab: HubTab, params = '') => {
    const next = { tab, params };
    setLocation(next);
    void SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation).then((navigation) => navigation.setHash(hubHash(next))).catch(() => {});
  };
  return [location.tab, select, location.params];
}
