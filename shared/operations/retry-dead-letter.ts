import { notFound } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import type { QueueName } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';
import { listDeadLetters } from './list-dead-letters.js';

/** An admin's "retry": the message goes back on its queue, delivered afresh. Only the caller's org's. */
export async function retryDeadLetter(ports: Pick<Ports, 'queue'>, caller: Caller, letter: { queue: QueueName; messageId: string }) {
  const own = (await listDeadLetters(ports, caller, letter.queue)).some((l) => l.messageId === letter.messageId);
  if (!own || !(await ports.queue.retryDeadLetter(letter.queue, letter.messageId))) throw notFound(`Dead letter ${letter.messageId}`);
  return { retried: true, ...letter };
}
