import type { DeliveredMessage, QueueName } from '../ports/message-queue.js';

/**
 * One queue handler, declared once: registered with `app.serviceBusQueue` in Azure and
 * driven by the embedded worker locally. `handle` throws to have the message redelivered.
 */
export interface QueueHandlerDefinition<Context> {
  name: string;
  queue: QueueName;
  handle: (context: Context, message: DeliveredMessage) => Promise<void>;
}
