import type { Clock } from './clock.js';
import type { DevOpsDirectory } from './devops-directory.js';
import type { DocumentStore } from './document-store.js';
import type { Mailer } from './mailer.js';
import type { MessageQueue } from './message-queue.js';

/** Everything a use case may touch, built once per process by the composition root. */
export interface Ports {
  store: DocumentStore;
  clock: Clock;
  directory: DevOpsDirectory;
  queue: MessageQueue;
  mailer: Mailer;
  newId: () => string;
}

export type { Clock, DevOpsDirectory, DocumentStore, Mailer, MessageQueue };
