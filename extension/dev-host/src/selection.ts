import type { ThemeName } from './themes.js';

/** Who and where the dev host plays: the org, the signed-in user and the theme, kept in the query string. */
export interface Selection {
  org: string;
  user: string;
  theme: ThemeName;
}

export function readSelection(): Selection {
  const query = new URLSearchParams(window.location.search);
  const theme = query.get('theme') === 'dark' ? 'dark' : 'light';
  return { org: query.get('org') ?? 'fabrikam', user: query.get('user') ?? 'alice', theme };
}

export function writeSelection(selection: Selection): void {
  const query = new URLSearchParams({ org: selection.org, user: selection.user, theme: selection.theme });
  window.history.replaceState(null, '', `${window.location.pathname}?${query.toString()}${window.location.hash}`);
}
