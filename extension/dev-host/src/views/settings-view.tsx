import { contributionsAt, type Directory } from '../directory.js';
import type { Route } from '../route.js';
import type { HubFrameProps } from './hub-view.js';
import { HubView } from './hub-view.js';

/** Organization Settings: its own side list, with the extension's admin hubs under "Extensions". */
export function SettingsView(props: Omit<HubFrameProps, 'contributionId'> & { route: Extract<Route, { kind: 'settings' }>; go: (route: Route) => void; directory: Directory }) {
  const hubs = contributionsAt(props.directory, 'ms.vss-web.collection-admin-hub-group');
  const selected = hubs.find((hub) => hub.id === props.route.contributionId);
  return (
    <div className="dh-settings">
      <nav className="dh-settings-nav" aria-label="Organization settings">
        <div className="dh-settings-heading">Organization Settings</div>
        <div className="dh-settings-group">General</div>
        <a href="#/settings" className={selected ? '' : 'dh-selected'} onClick={(e) => { e.preventDefault(); props.go({ kind: 'settings', hash: '' }); }}>Overview</a>
        <div className="dh-settings-group">Extensions</div>
        {hubs.map((hub) => (
          <a key={hub.id} href={`#/settings/${hub.id}`} data-testid={`settings-hub-${hub.id}`} className={hub === selected ? 'dh-selected' : ''}
            onClick={(e) => { e.preventDefault(); props.go({ kind: 'settings', contributionId: hub.id, hash: '' }); }}>
            {hub.properties.name ?? hub.id}
          </a>
        ))}
      </nav>
      {selected ? (
        <HubView {...props} contributionId={selected.id} />
      ) : (
        <div className="dh-page">
          <h1 className="dh-title">{props.org.name}</h1>
          <p>Organization settings of the local {props.org.name}. Extensions add their pages under “Extensions”.</p>
        </div>
      )}
    </div>
  );
}
