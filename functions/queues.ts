import azure from '@azure/functions';
import { serviceBusQueueTrigger } from '../shared/adapters/servicebus/service-bus-trigger.js';
import { workerContextForProcess } from '../shared/composition.js';
import { queueHandlers } from '../shared/queue/queue-handlers.js';

// Every queue handler, registered once on its Service Bus queue; all logic lives in shared/.
// The app setting SERVICEBUS__fullyQualifiedNamespace (managed identity) names the namespace.
for (const definition of queueHandlers) {
  azure.app.serviceBusQueue(definition.name, {
    queueName: definition.queue,
    connection: 'SERVICEBUS',
    handler: serviceBusQueueTrigger(definition, workerContextForProcess),
  });
}
