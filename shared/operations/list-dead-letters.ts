import type { Caller } from '../identity/caller.js';
import type { QueueName } from '../ports/message-queue.js';
import type { Ports } from '../ports/index.js';

const PEEK_LIMIT = 500;

const orgOf = (body: unknown) =>
  typeof body === 'object' && body !== null && 'orgId' in body ? (body as { orgId: unknown }).orgId : undefined;

/** Messages given up on, such as notices that could not be mailed: only the caller's org's. */
export async function listDeadLetters(ports: Pick<Ports, 'queue'>, caller: Caller, queue?: QueueName) {
  const letters = await ports.queue.deadLetters(queue, PEEK_LIMIT);
  return letters.filter((letter) => orgOf(letter.body) === caller.orgId);
}
