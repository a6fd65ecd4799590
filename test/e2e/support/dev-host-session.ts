import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from './browser.js';
import { DevHostPage } from './dev-host-page.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';

export interface DevHostSession {
  server: E2eServer;
  browser: Browser;
  watched: WatchedPage;
  host: DevHostPage;
  /**
   * Closes the page and its browser context and opens a fresh one, as a person signing in
   * anew would: no cache, no connections, no frames of the last page. Its console errors
   * are checked by the caller before (unexpectedErrors).
   */
  renew(): Promise<void>;
}

/** A server and a watched browser page on its dev host for one describe block, closed after it. */
export function useDevHostSession(): DevHostSession {
  const session = {} as DevHostSession;
  session.renew = async () => {
    await session.watched.context.close();
    session.watched = await openPage(session.browser);
    session.host = new DevHostPage(session.watched.page, session.server.url);
  };
  beforeAll(async () => {
    session.server = await startE2eServer();
    session.browser = await launchBrowser();
    session.watched = await openPage(session.browser);
    session.host = new DevHostPage(session.watched.page, session.server.url);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
