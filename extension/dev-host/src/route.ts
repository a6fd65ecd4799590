/**
 * The dev host's own navigation, in its URL hash:
 *   #/boards               the work items of the org
 *   #/boards/12[/<tab>]    a work item form; tab is "details" or a form page contribution id
 *   #/hub/<id>[/<hash>]    a Boards hub (the Time hub), with the hash the hub keeps
 *   #/hub/<id>#<hash>      the same: the page's URL (routeUrl) with the hub's hash after it, as in Azure DevOps
 *   #/settings[/<id>[/<hash>]]  Organization Settings and its extension hubs
 */
export type Route =
  | { kind: 'boards' }
  | { kind: 'work-item'; id: number; tab: string }
  | { kind: 'hub'; contributionId: string; hash: string }
  | { kind: 'settings'; contributionId?: string; hash: string };

export function parseRoute(hash: string): Route {
  const [path = '', ...hubHash] = hash.replace(/^#\/?/, '').split('#');
  const [section, first, ...rest] = path.split('/');
  // The hub's own hash is handed back as the hub wrote it, never decoded.
  const kept = hubHash.length ? hubHash.join('#') : rest.join('/');
  const id = first ? decodeURIComponent(first) : undefined;
  if (section === 'boards' && id && /^\d+$/.test(id)) return { kind: 'work-item', id: Number(id), tab: rest[0] ? decodeURIComponent(rest[0]) : 'details' };
  if (section === 'hub' && id) return { kind: 'hub', contributionId: id, hash: kept };
  if (section === 'settings') return { kind: 'settings', contributionId: id || undefined, hash: kept };
  return { kind: 'boards' };
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'boards': return '#/boards';
    case 'work-item': return `#/boards/${route.id}${route.tab === 'details' ? '' : `/${encodeURIComponent(route.tab)}`}`;
    case 'hub': return `#/hub/${encodeURIComponent(route.contributionId)}${route.hash ? `/${route.hash}` : ''}`;
    case 'settings': return `#/settings${route.contributionId ? `/${encodeURIComponent(route.contributionId)}${route.hash ? `/${route.hash}` : ''}` : ''}`;
  }
}
