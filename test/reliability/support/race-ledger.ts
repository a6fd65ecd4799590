import type { Reply } from './keep-alive-client.js';

export type RaceKind = 'start' | 'stop' | 'add' | 'batch' | 'keyed add' | 'keyed batch' | 'late retry' | 'patch' | 'delete';
export interface WorklogAnswer { id: string; timestamp: string; length: number }
export interface RaceReply { kind: RaceKind; reply: Reply; target?: string }

/**
 * What the racing clients were told, kept as a user would keep it: every worklog a 2xx
 * answer reported, with the length its last acknowledged change gave it, less those whose
 * deletion was acknowledged. Ids are terminal: a late retry answering a deleted worklog
 * does not bring it back.
 */
export class RaceLedger {
  readonly lengths = new Map<string, number>();
  readonly deleted = new Set<string>();
  readonly statuses = new Map<string, number>();
  requests = 0;

  /**
   * Books the replies of one round; within a round no worklog is both created and changed.
   * Deletions go last: a change and a deletion of one worklog both acknowledged means the
   * change came first (after the deletion it would have found nothing).
   */
  book(replies: readonly RaceReply[]) {
    const deletesLast = [...replies].sort((a, b) => Number(a.kind === 'delete') - Number(b.kind === 'delete'));
    for (const { kind, reply, target } of deletesLast) {
      this.requests++;
      const label = reply.status < 300 ? '2xx' : `${reply.status}${reply.body?.error ? ` ${reply.body.error.code}` : ''}`;
      this.statuses.set(label, (this.statuses.get(label) ?? 0) + 1);
      if (reply.status >= 300) continue;
      if (kind === 'delete') {
        this.lengths.delete(target!);
        this.deleted.add(target!);
      } else if (kind === 'patch') {
        this.lengths.set(target!, (reply.body!.data as WorklogAnswer).length);
      } else {
        for (const worklog of worklogsIn(kind, reply)) {
          if (!this.lengths.has(worklog.id) && !this.deleted.has(worklog.id)) this.lengths.set(worklog.id, worklog.length);
        }
      }
    }
  }

  /** Worklogs the clients believe exist, for picking patch and delete targets. */
  live(): string[] {
    return [...this.lengths.keys()];
  }

  seconds(): number {
    return [...this.lengths.values()].reduce((sum, length) => sum + length, 0);
  }

  count(label: string): number {
    return this.statuses.get(label) ?? 0;
  }
}

/** The worklogs a successful answer says were written. */
function worklogsIn(kind: RaceKind, reply: Reply): WorklogAnswer[] {
  const data = reply.body?.data as unknown;
  if (kind === 'start' || kind === 'stop') return (data as { stoppedWorklog: WorklogAnswer | null }).stoppedWorklog ? [(data as { stoppedWorklog: WorklogAnswer }).stoppedWorklog] : [];
  if (data === null || data === undefined) return [];
  return Array.isArray(data) ? (data as WorklogAnswer[]) : [data as WorklogAnswer];
}
