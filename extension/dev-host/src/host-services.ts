import { formatRoute, parseRoute } from './route.js';
import type { DirectoryOrganization, DirectoryWorkItem } from './directory.js';

/** What the services of one frame act on: the page around it. */
export interface FrameEnvironment {
  org: DirectoryOrganization;
  workItem?: DirectoryWorkItem;
  getHash(): string;
  setHash(hash: string): void;
  navigate(url: string): void;
  reloadFrame(): void;
  toast(message: string, durationMs: number): void;
  banner(message: string | undefined, level: number): void;
}

const PAGE_ROUTE = 'ms.vss-web.local-dev-host-route';

/**
 * The page a frame is on, without the hub's own hash, for the org only: who opens a link
 * signs in as themselves, in their theme (the dev host's switchers default to alice, light).
 */
function pageUrl(org: string): string {
  const route = parseRoute(window.location.hash);
  const page = route.kind === 'hub' || route.kind === 'settings' ? formatRoute({ ...route, hash: '' }) : formatRoute(route);
  return `${window.location.origin}/?${new URLSearchParams({ org }).toString()}${page}`;
}

type Service = Record<string, (...args: never[]) => unknown>;

/**
 * The host services the extension's pages ask for with SDK.getService, by contribution id.
 * `hashListeners` belong to the frame: its ExtensionFrame calls them whenever the hub's hash
 * changes, by the page's setHash or by the address bar, as Azure DevOps does.
 */
export function hostServices(env: FrameEnvironment, hashListeners: ((hash: string) => void)[] = []): Record<string, Service> {
  const devOpsRoot = `${window.location.origin}/_devops/${env.org.name}/`;
  const services: Record<string, Service> = {
    'ms.vss-features.location-service': {
      getResourceAreaLocation: async () => devOpsRoot,
      getServiceLocation: async () => devOpsRoot,
      routeUrl: async (routeId: string) => (routeId === PAGE_ROUTE ? pageUrl(env.org.name) : `${window.location.origin}/#/${routeId}`),
    },
    'ms.vss-features.host-navigation-service': {
      getHash: async () => env.getHash(),
      setHash: (hash: string) => env.setHash(hash),
      replaceHash: (hash: string) => env.setHash(hash),
      onHashChanged: (callback: (hash: string) => void) => { hashListeners.push(callback); },
      getQueryParams: async () => ({}),
      setQueryParams: () => undefined,
      getPageRoute: async () => ({ id: PAGE_ROUTE, routeValues: { organization: env.org.name } }),
      getPageNavigationElements: async () => [],
      navigate: (url: string) => env.navigate(url),
      openNewWindow: (url: string, features: string) => { window.open(url, '_blank', features || 'noopener'); },
      reload: () => env.reloadFrame(),
      setDocumentTitle: (title: string) => { document.title = `${title} · Azure DevOps (local)`; },
    },
    'ms.vss-tfs-web.tfs-global-messages-service': {
      addToast: (toast: { message?: string; duration?: number }) => env.toast(toast.message ?? '', toast.duration ?? 5000),
      addBanner: (banner: { message?: string; level?: number }) => env.banner(banner.message, banner.level ?? 0),
      closeBanner: () => env.banner(undefined, 0),
      addDialog: (dialog: { message?: string }) => env.toast(dialog.message ?? '', 5000),
      closeDialog: () => undefined,
    },
    'ms.vss-features.host-page-layout-service': {
      getFullScreenMode: async () => false,
      setFullScreenMode: () => undefined,
      openMessageDialog: (message: string, options?: { onClose?: (result: boolean) => void }) => {
        const result = window.confirm(message);
        void options?.onClose?.(result);
      },
    },
  };
  if (env.workItem) services['ms.vss-work-web.work-item-form'] = workItemFormService(env.workItem, env.org);
  return services;
}

function workItemFormService(item: DirectoryWorkItem, org: DirectoryOrganization): Service {
  const fields: Record<string, unknown> = {
    'System.Id': item.id,
    'System.Title': item.title,
    'System.WorkItemType': item.type,
    'System.State': item.state,
    'System.TeamProject': org.name,
  };
  return {
    getId: async () => item.id,
    getRevision: async () => 1,
    getFieldValue: async (name: string) => fields[name],
    getFieldValues: async (names: string[]) => Object.fromEntries(names.map((name) => [name, fields[name]])),
    getFields: async () => Object.keys(fields).map((referenceName) => ({ referenceName, name: referenceName })),
    setFieldValue: async () => false,
    setFieldValues: async () => ({}),
    isDirty: async () => false,
    isNew: async () => false,
    isValid: async () => true,
    hasActiveWorkItem: async () => true,
    setError: async () => undefined,
    clearError: async () => undefined,
    getWorkItemRelations: async () => [],
  };
}
