// Service Bus Standard (scheduled messages, duplicate detection, dead-lettering), keys off.
// The queue properties are the ones the code is written against: the embedded queue's
// DEFAULT_QUEUE_POLICY (shared/adapters/local-queue/queue-policy.ts) mirrors them.
param namespaceName string
param location string
param tags object
param queueNames array

resource serviceBus 'Microsoft.ServiceBus/namespaces@2021-11-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2021-11-01' = [for queueName in queueNames: {
  parent: serviceBus
  name: queueName
  properties: {
    // A handler that throws is retried; the 10th failure dead-letters the message.
    maxDeliveryCount: 10
    // The longest Service Bus allows: a handler holds the message while it works.
    lockDuration: 'PT5M'
    // Message ids are stable (a tracker's check, a worklog's notice): resends are dropped.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT24H'
    deadLetteringOnMessageExpiration: true
  }
}]

output namespaceName string = serviceBus.name
output fullyQualifiedNamespace string = '${serviceBus.name}.servicebus.windows.net'
