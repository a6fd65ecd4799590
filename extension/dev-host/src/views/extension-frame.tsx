import { useEffect, useRef, useState } from 'react';
import { fullContributionId, tokensFor, type Contribution, type Directory, type DirectoryOrganization, type DirectoryUser } from '../directory.js';
import { hostServices, type FrameEnvironment } from '../host-services.js';
import { THEMES, type ThemeName } from '../themes.js';
import { ExtensionChannel } from '../xdm/extension-channel.js';

export interface FrameProps {
  directory: Directory;
  contribution: Contribution;
  org: DirectoryOrganization;
  user: DirectoryUser;
  theme: ThemeName;
  environment: Omit<FrameEnvironment, 'org' | 'reloadFrame'>;
  hidden?: boolean;
  /** Called once the page said notifyLoadSucceeded, with the channel to call its registered objects. */
  onLoaded?: (channel: ExtensionChannel, contributionId: string) => void;
}

type Status = { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; message: string };

/** One extension page in an iframe, answering its SDK the way Azure DevOps does. */
export function ExtensionFrame(props: FrameProps) {
  const { directory, contribution, hidden } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const channel = useRef<ExtensionChannel>();
  const hashListeners = useRef<((hash: string) => void)[]>([]);
  const hash = props.environment.getHash();
  const contributionId = fullContributionId(directory, contribution);

  useEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    setStatus({ kind: 'loading' });
    const created = new ExtensionChannel(element, {
      initialHandshake: () => handshake(latest.current, contributionId),
      appToken: async () => (await tokensFor(latest.current.org.name, latest.current.user.name)).appToken,
      accessToken: async () => (await tokensFor(latest.current.org.name, latest.current.user.name)).accessToken,
      service: (id) => hostServices({ ...latest.current.environment, org: latest.current.org, reloadFrame: () => setGeneration((g) => g + 1) }, hashListeners.current)[id],
      loadSucceeded: () => {
        setStatus({ kind: 'loaded' });
        latest.current.onLoaded?.(created, contributionId);
      },
      loadFailed: (message) => setStatus({ kind: 'failed', message }),
    });
    channel.current = created;
    return () => {
      hashListeners.current = [];
      created.dispose();
    };
  }, [contributionId, generation]);

  useEffect(() => {
    for (const listener of hashListeners.current) listener(hash);
  }, [hash]);

  // The SDK listens for theme changes only after a handshake that carried theme data.
  useEffect(() => {
    if (status.kind !== 'loaded') return;
    void channel.current?.invoke('DevOps.SdkClient', 'dispatchEvent', ['themeChanged', { detail: { data: THEMES[props.theme] } }]).catch(() => {});
  }, [props.theme, status.kind]);

  const src = `/${contribution.properties.uri ?? ''}`;
  return (
    <div className="dh-frame-box" style={hidden ? { display: 'none' } : undefined} data-contribution={contribution.id} data-status={status.kind}>
      {status.kind === 'loading' && <div className="dh-frame-status">Loading {contribution.properties.name ?? contribution.id}…</div>}
      {status.kind === 'failed' && <div className="dh-frame-status dh-error" role="alert">The extension failed to load: {status.message}</div>}
      <iframe key={generation} ref={frame} className="dh-frame" title={contribution.properties.name ?? contribution.id} src={src} name={contribution.id} />
    </div>
  );
}

function handshake(props: FrameProps, contributionId: string) {
  const { directory, org, user } = props;
  const extension = directory.extension;
  return {
    contributionId,
    context: {
      extension: {
        id: `${extension.publisherId}.${extension.extensionId}`,
        publisherId: extension.publisherId,
        extensionId: extension.extensionId,
        version: extension.version,
        // The dev extension is served by this same server (the dev manifest's baseUri, on whatever port it runs).
        baseUri: `${window.location.origin}/`,
      },
      user: { id: user.id, name: user.uniqueName, displayName: user.displayName, descriptor: `aad.${btoa(user.id)}`, imageUrl: '' },
      host: { id: org.id, name: org.name, serviceVersion: 'local-dev-host', type: 4, isHosted: true },
    },
    initialConfig: {},
    themeData: THEMES[props.theme],
  };
}
