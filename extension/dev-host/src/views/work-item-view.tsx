import { useEffect, useRef, useState } from 'react';
import { contributionsAt, type Contribution, type Directory, type DirectoryOrganization, type DirectoryUser, type DirectoryWorkItem } from '../directory.js';
import type { FrameEnvironment } from '../host-services.js';
import type { ThemeName } from '../themes.js';
import type { ExtensionChannel } from '../xdm/extension-channel.js';
import { ExtensionFrame } from './extension-frame.js';

interface Props {
  directory: Directory;
  org: DirectoryOrganization;
  user: DirectoryUser;
  theme: ThemeName;
  item: DirectoryWorkItem;
  tab: string;
  selectTab: (tab: string) => void;
  environment: Omit<FrameEnvironment, 'org' | 'reloadFrame' | 'getHash' | 'setHash'>;
}

/** A work item form: its toolbar menu with the extension's actions, and its tabs with the form pages. */
export function WorkItemView({ directory, org, user, theme, item, tab, selectTab, environment }: Props) {
  const formPages = contributionsAt(directory, 'ms.vss-work-web.work-item-form');
  const actions = contributionsAt(directory, 'ms.vss-work-web.work-item-toolbar-menu');
  const actionChannels = useRef(new Map<string, ExtensionChannel>());
  const [menuOpen, setMenuOpen] = useState(false);
  // What each action's getMenuItems answered as the menu opened (Azure DevOps asks it then); else the manifest's text.
  const [menuTexts, setMenuTexts] = useState<Map<string, string>>(() => new Map());
  const [visited, setVisited] = useState<Set<string>>(() => new Set([tab]));
  const env = { ...environment, workItem: item, getHash: () => '', setHash: () => undefined };

  const open = (id: string) => {
    setVisited((current) => new Set(current).add(id));
    selectTab(id);
  };

  const actionContext = () => ({ id: item.id, workItemId: item.id, workItemTypeName: item.type, workItemDirty: false, isReadOnly: false });

  const toggleMenu = () => {
    if (menuOpen) return setMenuOpen(false);
    setMenuTexts(new Map());
    setMenuOpen(true);
    for (const action of actions) {
      const channel = actionChannels.current.get(action.id);
      const objectId = action.properties.registeredObjectId ?? action.id;
      void channel?.invoke(objectId, 'getMenuItems', [actionContext()], actionContext()).then((items) => {
        const text = Array.isArray(items) ? (items[0] as { text?: unknown } | undefined)?.text : undefined;
        if (typeof text === 'string') setMenuTexts((current) => new Map(current).set(action.id, text));
      }, () => undefined);
    }
  };

  // Escape closes the menu, as Azure DevOps' menus do.
  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const execute = (action: Contribution) => {
    setMenuOpen(false);
    const channel = actionChannels.current.get(action.id);
    if (!channel) return environment.toast(`${action.properties.text ?? action.id} is still loading; try again in a moment.`, 4000);
    const context = actionContext();
    const objectId = action.properties.registeredObjectId ?? action.id;
    channel.invoke(objectId, 'execute', [context], context).catch((error: unknown) => {
      environment.toast(`${action.properties.text ?? action.id} failed: ${error instanceof Error ? error.message : String(error)}`, 8000);
    });
  };

  const formLoaded = (channel: ExtensionChannel, contributionId: string) => {
    void channel.invoke(contributionId, 'onLoaded', [{ id: item.id, isNew: false, isReadOnly: false }]).catch(() => {
      // A form page need not listen to form events.
    });
  };

  return (
    <div className="dh-page dh-work-item" data-testid="work-item-form" data-work-item-id={item.id}>
      <div className="dh-wi-header">
        <span className={`dh-wi-type dh-wi-type-${item.type.replace(/\s+/g, '-').toLowerCase()}`}>{item.type.toUpperCase()} {item.id}</span>
        <h1 className="dh-title">{item.title}</h1>
        <div className="dh-wi-meta">State: <b>{item.state}</b> · {org.name}</div>
      </div>
      <div className="dh-toolbar">
        <button type="button" className="dh-button" disabled>Save</button>
        <div className="dh-menu">
          <button type="button" className="dh-button" aria-label="More actions" aria-expanded={menuOpen} data-testid="work-item-menu" onClick={toggleMenu}>⋯</button>
          {menuOpen && (
            <ul className="dh-menu-list" role="menu">
              {actions.map((action) => (
                <li key={action.id} role="menuitem" tabIndex={0} data-testid={`action-${action.id}`} onClick={() => execute(action)} onKeyDown={(e) => e.key === 'Enter' && execute(action)}>
                  {menuTexts.get(action.id) ?? action.properties.text ?? action.id}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="dh-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'details'} className="dh-tab" onClick={() => open('details')}>Details</button>
        {formPages.map((page) => (
          <button type="button" role="tab" key={page.id} aria-selected={tab === page.id} className="dh-tab" data-testid={`tab-${page.id}`} onClick={() => open(page.id)}>
            {page.properties.name ?? page.id}
          </button>
        ))}
      </div>
      <div className="dh-tab-body">
        {tab === 'details' && (
          <dl className="dh-fields">
            <dt>Title</dt><dd>{item.title}</dd>
            <dt>Type</dt><dd>{item.type}</dd>
            <dt>State</dt><dd>{item.state}</dd>
          </dl>
        )}
        {formPages.filter((page) => visited.has(page.id)).map((page) => (
          <ExtensionFrame key={`${page.id}/${item.id}`} directory={directory} contribution={page} org={org} user={user} theme={theme}
            environment={env} hidden={tab !== page.id} onLoaded={formLoaded} />
        ))}
      </div>
      {actions.map((action) => (
        <ExtensionFrame key={`${action.id}/${item.id}`} directory={directory} contribution={action} org={org} user={user} theme={theme}
          environment={env} hidden onLoaded={(channel) => actionChannels.current.set(action.id, channel)} />
      ))}
    </div>
  );
}
