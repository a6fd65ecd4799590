/**
 * The dev host's own navigation, in its URL hash:
 *   #/boards               the work items of the org
 *   #/boards/12[/<tab>]    a work item form; tab is "details" or a form page contribution id
 *   #/hub/<id>[/<hash>]    a Boards hub (the Time hub), with the hash the hub keeps
 *   #/settings[/<id>[/<hash>]]  Organization Settings and its extension hubs
 */
export type Route =
  | { kind: 'boards' }
  | { kind: 'work-item'; id: number; tab: string }
  | { kind: 'hub'; contributionId: string; hash: string }
  | { kind: 'settings'; contributionId?: string; hash: string };

export function parseRoute(hash: string): Route {
  const [section, first, ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (section === 'boards' && first && /^\d+$/.test(first)) return { kind: 'work-item', id: Number(first), tab: rest[0] ?? 'details' };
  if (section === 'hub' && first) return { kind: 'hub', contributionId: first, hash: rest.join('/') };
  if (section === 'settings') return { kind: 'settings', contributionId: first || undefined, hash: rest.join('/') };
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
