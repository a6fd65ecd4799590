import type { DeadLetterView } from '../../shared/api-types.js';

export interface DeadLetterRow {
  key: string;
  queue: string;
  messageId: string;
  deadLetteredAt: string;
  deliveryCount: number;
  reason: string;
  worklogId: string | null;
  userId: string | null;
}

/** A body field shown as text, when the message has it (bodies are whatever was sent). */
function field(body: unknown, name: string): string | null {
  if (typeof body !== 'object' || body === null || !(name in body)) return null;
  const value = (body as Record<string, unknown>)[name];
  return value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/** The table's rows, newest first. */
export function deadLetterRows(letters: readonly DeadLetterView[]): DeadLetterRow[] {
  return [...letters]
    .sort((a, b) => b.deadLetteredAt.localeCompare(a.deadLetteredAt))
    .map((letter) => ({
      key: `${letter.queue}:${letter.messageId}`,
      queue: letter.queue,
      messageId: letter.messageId,
      deadLetteredAt: letter.deadLetteredAt,
      deliveryCount: letter.deliveryCount,
      reason: letter.reason,
      worklogId: field(letter.body, 'worklogId'),
      userId: field(letter.body, 'userId'),
    }));
}
