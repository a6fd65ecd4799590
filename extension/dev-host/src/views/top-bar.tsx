import type { Directory } from '../directory.js';
import type { Selection } from '../selection.js';

/** The host's header with the switchers: organization, signed-in user and theme. */
export function TopBar({ directory, selection, change }: { directory: Directory; selection: Selection; change: (next: Selection) => void }) {
  const org = directory.organizations.find((o) => o.name === selection.org) ?? directory.organizations[0];
  return (
    <header className="dh-topbar">
      <span className="dh-logo" aria-hidden="true">◆</span>
      <span className="dh-brand">Azure DevOps</span>
      <span className="dh-crumb">/ {selection.org}</span>
      <span className="dh-local-badge" title="This page plays Azure DevOps for the extension, with the seeded local directory">local dev host</span>
      <span className="dh-spacer" />
      <label className="dh-switch">
        Organization
        <select data-testid="switch-org" value={selection.org} onChange={(e) => change({ ...selection, org: e.target.value })}>
          {directory.organizations.map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
        </select>
      </label>
      <label className="dh-switch">
        User
        <select data-testid="switch-user" value={selection.user} onChange={(e) => change({ ...selection, user: e.target.value })}>
          {org?.users.map((u) => (
            <option key={u.name} value={u.name}>{`${u.displayName} (${u.isCollectionAdmin ? 'admin' : 'member'})`}</option>
          ))}
        </select>
      </label>
      <label className="dh-switch">
        Theme
        <select data-testid="switch-theme" value={selection.theme} onChange={(e) => change({ ...selection, theme: e.target.value === 'dark' ? 'dark' : 'light' })}>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
