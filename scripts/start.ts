import { once } from 'node:events';
import { composeApp, documentStoreKind } from '../shared/composition.js';
import { loadSettings, SettingsError } from '../shared/config/settings.js';
import { createLocalHost } from '../shared/http/local-host.js';
import { routes } from '../shared/http/routes/index.js';

/** `npm start`: the API on the embedded defaults, over the same route table as Azure. */
async function main() {
  const settings = loadSettings();
  const app = await composeApp(settings);
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const server = createLocalHost(app, routes, log);
  server.listen(settings.PORT);
  await once(server, 'listening');
  console.log(`Timehub API on http://localhost:${settings.PORT}/api (OpenAPI: /api/openapi.json)`);
  console.log(`Store: ${documentStoreKind(settings)}`);
  console.log('Demo organizations: fabrikam and contoso, users alice (admin), bob, carol.');
  console.log('An API token for scripts: npm run token -- --org fabrikam --user alice');
  const stop = () => server.close(() => void app.ports.store.close().then(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
