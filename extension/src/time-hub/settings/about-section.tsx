import * as SDK from 'azure-devops-extension-sdk';
import { Card } from 'azure-devops-ui/Card';
import { useApi } from '../../shared/api-context.js';
import { ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';

/** The server's version and API versions, and the extension's own version. */
export function AboutSection() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.about(), [api]);
  const extension = SDK.getExtensionContext();
  return (
    <Card className="th-section" titleProps={{ text: 'About Timehub' }}>
      <div className="flex-column flex-grow" data-testid="about">
        <div>{`Extension: ${extension.publisherId}.${extension.extensionId} ${extension.version}`}</div>
        {state.status === 'failed' && <ErrorCard error={state.error} what="the server's version" onRetry={reload} />}
        {state.status === 'loading' && <Loading label="Asking the server…" />}
        {state.status === 'ready' && (
          <>
            <div data-testid="about-version">{`Server: ${state.data.product} ${state.data.version} (build ${state.data.build})`}</div>
            <div className="th-muted">{`REST API versions: ${state.data.apiVersions.join(', ')}`}</div>
          </>
        )}
      </div>
    </Card>
  );
}
