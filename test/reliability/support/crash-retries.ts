import type { Device } from './keep-alive-client.js';
import type { StoredWorklog, WriteLoad } from './write-load.js';

export interface RetryTally {
  /** Requests sent again after a restart (each unanswered write twice, from two devices at once). */
  sent: number;
  /** Writes whose first attempt had committed before the kill: the retry must answer those same worklogs. */
  alreadyStored: number;
  /** Retries that did not give the one first answer. */
  problems: string[];
}

/**
 * Sends every write that got no answer again with its Idempotency-Key, from two devices at
 * once. Both must answer 201 with the same worklogs, and where the first attempt had
 * committed before the kill (`stored`), those very worklogs: never a duplicate, never a
 * 409 against itself.
 */
export async function retryUnanswered(load: WriteLoad, devices: readonly [Device, Device], stored: readonly StoredWorklog[], tally: RetryTally, label: string) {
  const storedIdOf = new Map(stored.map((w) => [w.comment, w.id]));
  for (const write of [...load.writes.values()].filter((w) => w.outcome === 'unanswered')) {
    const replies = await Promise.all(devices.map((device) => load.retry(device, write)));
    tally.sent += replies.length;
    const [first, second] = replies.map((r) => `${r.status} ${JSON.stringify(r.body?.error ?? r.body?.data)}`);
    const answered = [replies[0]!.body?.data ?? []].flat() as StoredWorklog[];
    const committedBefore = answered.filter((w) => storedIdOf.has(w.comment));
    const problem = replies[0]!.status !== 201 ? `answered ${first!.slice(0, 300)}`
      : first !== second ? 'two retries at once got different answers'
      : committedBefore.some((w) => storedIdOf.get(w.comment) !== w.id) ? 'answered other worklogs than those stored before it'
      : undefined;
    if (problem) {
      write.outcome = 'abandoned';
      tally.problems.push(`${label}: retry of ${write.key} (${write.size} items) ${problem}`);
      continue;
    }
    load.record(write, replies[0]!);
    if (committedBefore.length > 0) tally.alreadyStored++;
  }
}
