import { useEffect, useState } from 'react';
import { contributionsAt, loadDirectory, type Directory } from './directory.js';
import type { FrameEnvironment } from './host-services.js';
import { formatRoute, parseRoute, type Route } from './route.js';
import { readSelection, writeSelection, type Selection } from './selection.js';
import { applyThemeToHost } from './themes.js';
import { BoardsView } from './views/boards-view.js';
import { HubView } from './views/hub-view.js';
import { SettingsView } from './views/settings-view.js';
import { Toasts, useToasts } from './views/toasts.js';
import { TopBar } from './views/top-bar.js';
import { WorkItemView } from './views/work-item-view.js';

/** The local stand-in for Azure DevOps: navigation, switchers, toasts, and the extension's pages in frames. */
export function DevHostApp() {
  const [directory, setDirectory] = useState<Directory>();
  const [failure, setFailure] = useState<string>();
  const [selection, setSelection] = useState<Selection>(readSelection);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [banner, setBanner] = useState<string>();
  const { toasts, show } = useToasts();

  useEffect(() => { loadDirectory().then(setDirectory, (error: unknown) => setFailure(String(error))); }, []);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => { applyThemeToHost(selection.theme); writeSelection(selection); }, [selection]);

  if (failure) return <div className="dh-page dh-error" role="alert">The dev host could not load its directory: {failure}</div>;
  if (!directory) return <div className="dh-page">Loading the local Azure DevOps…</div>;
  const org = directory.organizations.find((o) => o.name === selection.org) ?? directory.organizations[0];
  const user = org?.users.find((u) => u.name === selection.user) ?? org?.users[0];
  if (!org || !user) return <div className="dh-page dh-error">The local directory has no organizations.</div>;

  const go = (next: Route) => { window.location.hash = formatRoute(next); };
  const environment: Omit<FrameEnvironment, 'org' | 'reloadFrame'> = {
    getHash: () => ('hash' in route ? route.hash : ''),
    setHash: (hash) => {
      if (route.kind !== 'hub' && route.kind !== 'settings') return;
      const next = { ...route, hash };
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${formatRoute(next)}`);
      setRoute(next);
    },
    navigate: (url) => { window.location.href = url; },
    toast: show,
    banner: (message) => setBanner(message),
  };
  const boardHubs = contributionsAt(directory, 'ms.vss-work-web.work-hub-group');
  const frameProps = { directory, org, user, theme: selection.theme, environment };
  const session = `${org.name}/${user.name}`;

  return (
    <div className="dh-shell">
      <TopBar directory={directory} selection={selection} change={setSelection} />
      <div className="dh-body">
        <nav className="dh-nav" aria-label="Azure DevOps">
          <div className="dh-nav-group">Boards</div>
          <a href="#/boards" data-testid="nav-work-items" className={route.kind === 'boards' || route.kind === 'work-item' ? 'dh-selected' : ''}>Work items</a>
          {boardHubs.map((hub) => (
            <a key={hub.id} href={`#/hub/${hub.id}`} data-testid={`nav-${hub.id}`} className={route.kind === 'hub' && route.contributionId === hub.id ? 'dh-selected' : ''}>
              {hub.properties.name ?? hub.id}
            </a>
          ))}
          <span className="dh-spacer" />
          <a href="#/settings" data-testid="nav-organization-settings" className={route.kind === 'settings' ? 'dh-selected' : ''}>Organization settings</a>
        </nav>
        <main className="dh-main">
          {banner && <div className="dh-banner" role="alert">{banner}<button type="button" onClick={() => setBanner(undefined)}>×</button></div>}
          {route.kind === 'boards' && <BoardsView org={org} open={(id) => go({ kind: 'work-item', id, tab: 'details' })} />}
          {route.kind === 'work-item' && (() => {
            const item = org.workItems.find((w) => w.id === route.id);
            if (!item) return <div className="dh-page dh-error">No work item {route.id} in {org.name}.</div>;
            return <WorkItemView key={`${session}/${item.id}`} {...frameProps} item={item} tab={route.tab} selectTab={(tab) => go({ ...route, tab })} />;
          })()}
          {route.kind === 'hub' && <HubView key={`${session}/${route.contributionId}`} {...frameProps} contributionId={route.contributionId} />}
          {route.kind === 'settings' && <SettingsView key={`${session}/${route.contributionId ?? ''}`} {...frameProps} route={route} go={go} />}
        </main>
      </div>
      <Toasts toasts={toasts} />
    </div>
  );
}
