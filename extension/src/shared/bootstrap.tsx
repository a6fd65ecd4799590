import 'azure-devops-ui/Core/override.css';
import './page.css';
import * as SDK from 'azure-devops-extension-sdk';
import type { ReactElement } from 'react';
import { render } from 'react-dom';
import { createApiClient } from './api-client.js';
import { ApiContext } from './api-context.js';
import { errorMessage } from './api-error.js';
import { backendUrl } from './backend-url.js';
import { loadPreferences, PreferencesProvider } from './preferences.js';
import { FatalError } from './status-views.js';
import { timehubApi, type TimehubApi } from './timehub-api.js';

/** How long a page waits for its host before saying it runs only inside Azure DevOps. */
const HOST_TIMEOUT_MS = 15_000;

export interface PageStart {
  api: TimehubApi;
  contributionId: string;
}

/** The one bootstrap of every contribution: handshake, API client, then `notifyLoadSucceeded` or `notifyLoadFailed`. */
export async function startContribution(setUp: (start: PageStart) => void | Promise<void>): Promise<void> {
  try {
    await withTimeout(SDK.init({ loaded: false, applyTheme: true }), HOST_TIMEOUT_MS);
    const host = SDK.getHost();
    const client = createApiClient({
      baseUrl: backendUrl(SDK.getExtensionContext(), host.name),
      organization: host.name,
      appToken: () => SDK.getAppToken(),
      accessToken: () => SDK.getAccessToken(),
    });
    await setUp({ api: timehubApi(client), contributionId: SDK.getContributionId() });
    await SDK.notifyLoadSucceeded();
  } catch (error) {
    showFatal(error);
    void SDK.notifyLoadFailed(errorMessage(error));
  }
}

/** A page with UI: renders `page` into #root once the handshake is done. */
export function startPage(page: (start: PageStart) => ReactElement, register?: (start: PageStart) => void): void {
  void startContribution(async (start) => {
    register?.(start);
    const preferences = await loadPreferences(start.api);
    render(
      <ApiContext.Provider value={start.api}>
        <PreferencesProvider initial={preferences}>{page(start)}</PreferencesProvider>
      </ApiContext.Provider>,
      rootElement(),
    );
  });
}

function showFatal(error: unknown) {
  render(<FatalError error={error} />, rootElement());
}

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'root';
  document.body.appendChild(created);
  return created;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('No Azure DevOps host answered. Open this page inside Azure DevOps, or in the local dev host at / (npm start).')),
      ms,
    );
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}
