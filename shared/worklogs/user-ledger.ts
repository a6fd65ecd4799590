import { AppError } from '../domain/errors.js';
import type { Tracker } from '../domain/tracker.js';
import type { WeekLock } from '../domain/week-locks.js';
import {
  StoreConflictError,
  StorePreconditionError,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store.js';
import { outboxOperations } from '../automation/work-item-outbox.js';
import { ROLLUP_VERSION } from '../rollups/rollup-docs.js';
import { rollupWrites, worklogChanges } from '../rollups/rollup-changes.js';
import { beginChunkedCommit, rollForward, type PendingBatch } from './batch-intent.js';
import { assertWeeksOpen } from './week-lock-check.js';

/**
 * One document per user that every write to the user's worklogs and tracker replaces
 * with If-Match. Racing requests therefore cannot both win: the loser re-reads and
 * re-checks. This is what keeps one running tracker and no overlapping worklogs.
 */
export interface UserStateDoc extends Document {
  type: 'userState';
  orgId: string;
  userId: string;
  tracker: Tracker | null;
  revision: number;
  /** The last tracker the server stopped on its own, so a redelivered timer can finish the job. */
  lastSystemStop?: SystemStop | null;
  /** A commit larger than one store batch that is not fully applied yet (see batch-intent.ts). */
  pendingBatch?: PendingBatch | null;
  /** The rollup version this partition's rollups are complete in; null: written before rollups, to be recounted. */
  rollups?: number | null;
  /**
   * The user's weeks locked by approvals (shared/approvals/). Kept here, in the document every
   * commit replaces with If-Match, so an approval and an edit cannot interleave: the commit that
   * loses re-reads, and an edit planned before the lock is refused after it.
   */
  locks?: WeekLock[];
}

export interface SystemStop {
  trackerId: string;
  worklogId: string | null;
  reason: string;
}

/** What another partition holds for a commit (e.g. the user's seat): kept once the commit holds, else given back. */
export interface Reservation {
  release(): Promise<void>;
  confirm(): Promise<void>;
}

/** Takes what the commit needs outside the user's partition, once every check has passed. */
export type BeforeCommit = () => Promise<Reservation | undefined>;

export interface Plan<T> {
  tracker: Tracker | null;
  /** Creates, replaces and deletes in the user's partition, committed with the state. */
  operations: BatchOperation[];
  result: T;
  /** Kept from the current state when left out. */
  lastSystemStop?: SystemStop | null;
  /** The user's locked weeks after the commit (approvals); kept from the current state when left out. */
  locks?: WeekLock[];
  /** Runs once the commit holds (e.g. cancel a timer that no longer applies). */
  afterCommit?: () => Promise<void>;
  /** Runs when this plan's commit lost a race (e.g. cancel the timer it scheduled). */
  onAbandon?: () => Promise<void>;
  /** Runs right before the commit; its reservation is released when the commit fails. */
  beforeCommit?: BeforeCommit;
  /** The current versions of documents the operations replace or delete, when the plan read them (saves reads). */
  previous?: Document[];
  /**
   * The plan writes rollups itself from a recount (rollups/recount-user-rollups.ts): 'part'
   * of them, or the 'last' part, which marks the partition's rollups complete.
   */
  recountsRollups?: 'part' | 'last';
}

const MAX_ATTEMPTS = 25;

export const userPartition = (orgId: string, userId: string) => `${orgId}:${userId}`;

export async function readUserState(store: DocumentStore, orgId: string, userId: string) {
  return store.read<UserStateDoc>('worklogs', userPartition(orgId, userId), 'state');
}

/**
 * Finishes a large commit that a crash (or a request still running) left half applied,
 * so that a reader of the user's worklogs sees all of it or none. One point read when
 * nothing is pending.
 */
export async function settlePartition(store: DocumentStore, orgId: string, userId: string) {
  const state = await readUserState(store, orgId, userId);
  return state?.pendingBatch ? rollForward<UserStateDoc>(store, userPartition(orgId, userId)) : state;
}

/**
 * Runs `plan` against the latest state and commits what it returns atomically. When
 * another request changed the user's state in between, the plan runs again.
 */
export async function commitToLedger<T>(
  store: DocumentStore,
  orgId: string,
  userId: string,
  plan: (state: Stored<UserStateDoc> | undefined) => Promise<Plan<T> | { done: T }>,
): Promise<T> {
  const pk = userPartition(orgId, userId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const state = await settlePartition(store, orgId, userId);
    let next: Plan<T> | { done: T };
    try {
      next = await plan(state);
    } catch (error) {
      // A refusal may rest on a mix of two states: decide again if the state moved.
      if (error instanceof AppError && (await readUserState(store, orgId, userId))?._etag !== state?._etag) continue;
      throw error;
    }
    if ('done' in next) return next.done;
    const stateDoc: UserStateDoc = {
      id: 'state', pk, type: 'userState', schemaVersion: 1, orgId, userId,
      tracker: next.tracker, revision: (state?.revision ?? 0) + 1,
      lastSystemStop: next.lastSystemStop === undefined ? (state?.lastSystemStop ?? null) : next.lastSystemStop,
      // A partition that starts now has all its rollups; an older one keeps its mark until recounted.
      rollups: next.recountsRollups === 'last' || !state ? ROLLUP_VERSION : (state.rollups ?? null),
      locks: next.locks ?? state?.locks ?? [],
    };
    const stateOperation: BatchOperation = state
      ? { op: 'replace', doc: stateDoc, ifMatch: state._etag }
      : { op: 'create', doc: stateDoc };
    // A recount writes rollups only, restating time: it has no worklog changes to lock out or sum.
    const changes = next.recountsRollups ? [] : await worklogChanges(store, pk, next.operations, next.previous);
    try {
      // Whoever planned it, no commit changes time in a locked week.
      assertWeeksOpen(stateDoc.locks, changes.map((c) => ({ day: c.worklog.localDay })));
    } catch (error) {
      await next.onAbandon?.();
      if ((await readUserState(store, orgId, userId))?._etag !== state?._etag) continue;
      throw error;
    }
    // The time each work item gains or loses, to be written back (when the org does), in the same first batch.
    const rollups = [...(await rollupWrites(store, pk, changes)), ...(await outboxOperations(store, pk, orgId, userId, changes))];
    let reserved: Reservation | undefined;
    let chunked: boolean;
    try {
      reserved = await next.beforeCommit?.();
      chunked = await commit(store, pk, stateOperation, next.operations, rollups);
    } catch (error) {
      await reserved?.release();
      await next.onAbandon?.();
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
      continue;
    }
    await reserved?.confirm();
    // The commit holds from its first batch on; should this fail, the next access finishes it.
    if (chunked) await rollForward(store, pk);
    await next.afterCommit?.();
    return next.result;
  }
  throw new AppError(409, 'concurrency.contended', 'too many simultaneous changes to your time; try again');
}

/**
 * One batch when it fits; else a batch that commits an intent, applied chunk by chunk
 * after. The rollups go with the state in the first batch either way: a report sees the
 * whole commit or none of it, without settling the partition.
 */
async function commit(store: DocumentStore, pk: string, stateOperation: BatchOperation, operations: BatchOperation[], rollups: BatchOperation[]) {
  if (operations.length + rollups.length < store.maxBatchOperations) {
    await store.batch('worklogs', pk, [stateOperation, ...operations, ...rollups]);
    return false;
  }
  await beginChunkedCommit(store, pk, [stateOperation, ...rollups], operations);
  return true;
}
