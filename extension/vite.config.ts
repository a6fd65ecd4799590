import react from '@vitejs/plugin-react';
import { createLogger, defineConfig, type UserConfig } from 'vite';

/**
 * Two multi-page builds from one config:
 * - default: the extension's pages, one per contribution, to `dist/<name>/<name>.html`
 *   (the layout of microsoft/azure-devops-extension-sample), packaged into the .vsix;
 * - `--mode dev-host`: the local page that plays Azure DevOps, to `dev-host/dist/`, never packaged.
 */
export const CONTRIBUTION_PAGES = ['time-hub', 'work-item-tab', 'start-tracking-action', 'subscription-hub'] as const;

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/** The suffix of the per-organization backend (`https://{org}<suffix>`), as PUBLIC_HOST_SUFFIX on the server. */
const publicHostSuffix = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.PUBLIC_HOST_SUFFIX;

/** azure-devops-ui's IE hacks make LightningCSS warn on every build; they are known and harmless. */
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!message.includes('[lightningcss')) warn(message, options);
};

const shared: UserConfig = {
  plugins: [react()],
  // azure-devops-ui ships old IE hacks that LightningCSS rejects without error recovery.
  css: { lightningcss: { errorRecovery: true } },
  customLogger: logger,
  logLevel: 'warn',
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
};

export default defineConfig(({ mode }) => {
  if (mode === 'dev-host') {
    return {
      ...shared,
      root: here('./dev-host/src/'),
      base: '/',
      build: { ...shared.build, outDir: here('./dev-host/dist/'), rolldownOptions: { input: { index: here('./dev-host/src/index.html') } } },
    };
  }
  return {
    ...shared,
    root: here('./src/'),
    // Relative, so the bundles work under any baseUri (Marketplace CDN or the local host).
    base: './',
    define: { __TIMEHUB_HOST_SUFFIX__: JSON.stringify(publicHostSuffix || '.timehub.example.com') },
    build: {
      ...shared.build,
      outDir: here('./dist/'),
      rolldownOptions: { input: Object.fromEntries(CONTRIBUTION_PAGES.map((name) => [name, here(`./src/${name}/${name}.html`)])) },
    },
  };
});
