import { keyOfComment, type KeyedWrite, type StoredWorklog } from './write-load.js';

/** What a restarted server holds, against what the load was told before the kill. */
export interface RestartFindings {
  /** Acknowledged worklogs missing or changed. */
  lost: string[];
  /** Worklogs stored twice, or stored without any write that asked for them. */
  duplicated: string[];
  /** Batches stored in part. */
  partial: string[];
}

const sameContent = (a: StoredWorklog, b: StoredWorklog) =>
  a.id === b.id && a.timestamp === b.timestamp && a.length === b.length && a.workItemId === b.workItemId && a.comment === b.comment;

export function checkRestart(writes: ReadonlyMap<string, KeyedWrite>, stored: readonly StoredWorklog[]): RestartFindings {
  const findings: RestartFindings = { lost: [], duplicated: [], partial: [] };
  const byKey = new Map<string, StoredWorklog[]>();
  for (const worklog of stored) {
    const key = keyOfComment(worklog.comment);
    byKey.set(key, [...(byKey.get(key) ?? []), worklog]);
  }
  for (const [key, found] of byKey) {
    const write = writes.get(key);
    if (!write) findings.duplicated.push(`${found.length} worklog(s) with comment ${key}#… that no request asked for`);
    else if (new Set(found.map((w) => w.comment)).size < found.length) findings.duplicated.push(`${key}: ${found.length} stored for ${write.size} items`);
  }
  for (const write of writes.values()) {
    const found = byKey.get(write.key) ?? [];
    if (write.outcome === 'acked') {
      const byId = new Map(found.map((w) => [w.id, w]));
      const missing = write.result!.filter((w) => !byId.has(w.id) || !sameContent(byId.get(w.id)!, w));
      if (missing.length) findings.lost.push(`${write.key}: ${missing.length} of ${write.size} acknowledged worklogs missing or changed`);
      const extra = found.filter((w) => !write.result!.some((r) => r.id === w.id));
      if (extra.length) findings.duplicated.push(`${write.key}: ${extra.length} stored beside the ${write.size} acknowledged`);
    } else if (write.outcome === 'refused' && found.length > 0) {
      findings.duplicated.push(`${write.key}: answered ${write.refusal!.status}, yet ${found.length} stored`);
    } else if (write.outcome === 'unanswered' && found.length > 0 && found.length < write.size) {
      findings.partial.push(`${write.key}: ${found.length} of ${write.size} items stored, its answer lost in the crash`);
    }
  }
  return findings;
}

/** Every worklog the server acknowledged, by id. */
export function acknowledged(writes: ReadonlyMap<string, KeyedWrite>): Map<string, StoredWorklog> {
  return new Map([...writes.values()].flatMap((w) => (w.outcome === 'acked' ? w.result! : [])).map((w) => [w.id, w]));
}
