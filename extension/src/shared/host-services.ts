import { getClient, type IGlobalMessagesService, type IHostNavigationService, type ILocationService } from 'azure-devops-extension-api/Common';
import { WorkItemErrorPolicy, WorkItemTrackingRestClient } from 'azure-devops-extension-api/WorkItemTracking';
import * as SDK from 'azure-devops-extension-sdk';

// The ids of CommonServiceIds (an ambient const enum, which isolated modules cannot read).
export const SERVICE_IDS = {
  globalMessages: 'ms.vss-tfs-web.tfs-global-messages-service',
  hostNavigation: 'ms.vss-features.host-navigation-service',
  location: 'ms.vss-features.location-service',
  workItemForm: 'ms.vss-work-web.work-item-form',
} as const;

/** The host's toast: how Azure DevOps confirms an action outside the page. */
export async function showToast(message: string, durationMs = 5000): Promise<void> {
  const messages = await SDK.getService<IGlobalMessagesService>(SERVICE_IDS.globalMessages);
  messages.addToast({ message, duration: durationMs });
}

export async function openInNewTab(url: string): Promise<void> {
  const navigation = await SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation);
  navigation.openNewWindow(url, '');
}

/** The address of this page with `hash` as its hash: what a person bookmarks or shares. */
export async function pageUrlWithHash(hash: string): Promise<string> {
  const [navigation, location] = await Promise.all([
    SDK.getService<IHostNavigationService>(SERVICE_IDS.hostNavigation),
    SDK.getService<ILocationService>(SERVICE_IDS.location),
  ]);
  const route = await navigation.getPageRoute();
  return `${await location.routeUrl(route.id, route.routeValues)}#${hash}`;
}

const titleCache = new Map<number, Promise<string | undefined>>();

/** Work item titles from Azure DevOps' REST API (the host's location service says where). */
export async function workItemTitles(ids: readonly number[]): Promise<Map<number, string>> {
  const missing = [...new Set(ids)].filter((id) => !titleCache.has(id));
  if (missing.length) {
    const client = getClient(WorkItemTrackingRestClient);
    const batch = client.getWorkItems(missing, undefined, ['System.Title'], undefined, undefined, WorkItemErrorPolicy.Omit);
    for (const id of missing) {
      titleCache.set(
        id,
        batch.then(
          (items) => items.find((item) => item?.id === id)?.fields['System.Title'] as string | undefined,
          () => { titleCache.delete(id); return undefined; },
        ),
      );
    }
  }
  const entries = await Promise.all(ids.map(async (id) => [id, await titleCache.get(id)] as const));
  return new Map(entries.filter((entry): entry is readonly [number, string] => typeof entry[1] === 'string'));
}
