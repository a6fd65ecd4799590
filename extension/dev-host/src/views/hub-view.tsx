import type { Directory, DirectoryOrganization, DirectoryUser } from '../directory.js';
import type { FrameEnvironment } from '../host-services.js';
import type { ThemeName } from '../themes.js';
import { ExtensionFrame } from './extension-frame.js';

export interface HubFrameProps {
  directory: Directory;
  contributionId: string;
  org: DirectoryOrganization;
  user: DirectoryUser;
  theme: ThemeName;
  environment: Omit<FrameEnvironment, 'org' | 'reloadFrame'>;
}

/** A hub: one extension page filling the main area. */
export function HubView({ directory, contributionId, org, user, theme, environment }: HubFrameProps) {
  const contribution = directory.contributions.find((c) => c.id === contributionId);
  if (!contribution) return <div className="dh-page dh-error">The extension has no hub {contributionId}.</div>;
  return (
    <div className="dh-hub">
      <ExtensionFrame key={`${org.name}/${user.name}/${contribution.id}`} directory={directory} contribution={contribution} org={org} user={user} theme={theme} environment={environment} />
    </div>
  );
}
