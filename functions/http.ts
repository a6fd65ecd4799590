import azure from '@azure/functions';
import { appForProcess } from '../shared/composition.js';
import { createAzureHttpHandler } from '../shared/http/azure-host.js';
import { routes } from '../shared/http/routes/index.js';

// The route table, registered once per endpoint; all logic lives in shared/.
const handler = createAzureHttpHandler(appForProcess, routes);

for (const route of routes) {
  azure.app.http(route.name, {
    methods: [route.method],
    route: route.path.slice(1),
    authLevel: 'anonymous',
    handler,
  });
}
