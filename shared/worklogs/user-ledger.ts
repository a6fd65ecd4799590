import { AppError } from '../domain/errors.js';
import type { Tracker } from '../domain/tracker.js';
import {
  StoreConflictError,
  StorePreconditionError,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store.js';

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
  /** Runs once the commit holds (e.g. cancel a timer that no longer applies). */
  afterCommit?: () => Promise<void>;
  /** Runs when this plan's commit lost a race (e.g. cancel the timer it scheduled). */
  onAbandon?: () => Promise<void>;
  /** Runs right before the commit; its reservation is released when the commit fails. */
  beforeCommit?: BeforeCommit;
}

const MAX_ATTEMPTS = 25;

export const userPartition = (orgId: string, userId: string) => `${orgId}:${userId}`;

export async function readUserState(store: DocumentStore, orgId: string, userId: string) {
  return store.read<UserStateDoc>('worklogs', userPartition(orgId, userId), 'state');
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
    const state = await readUserState(store, orgId, userId);
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
    };
    const stateOperation: BatchOperation = state
      ? { op: 'replace', doc: stateDoc, ifMatch: state._etag }
      : { op: 'create', doc: stateDoc };
    let reserved: Reservation | undefined;
    try {
      reserved = await next.beforeCommit?.();
      await commit(store, pk, stateOperation, next.operations);
    } catch (error) {
      await reserved?.release();
      await next.onAbandon?.();
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
      continue;
    }
    await reserved?.confirm();
    await next.afterCommit?.();
    return next.result;
  }
  throw new AppError(409, 'concurrency.contended', 'too many simultaneous changes to your time; try again');
}

/** One batch when it fits; else chained batches that undo themselves if one fails. */
async function commit(store: DocumentStore, pk: string, stateOperation: BatchOperation, operations: BatchOperation[]) {
  const room = store.maxBatchOperations - 1;
  if (operations.length <= room) return store.batch('worklogs', pk, [stateOperation, ...operations]);
  if (stateOperation.op === 'delete' || operations.some((o) => o.op !== 'create')) {
    throw new RangeError('a chained commit only creates documents');
  }
  const written: string[] = [];
  let guard = stateOperation;
  try {
    for (let i = 0; i < operations.length; i += room) {
      const chunk = operations.slice(i, i + room);
      await store.batch('worklogs', pk, [guard, ...chunk]);
      for (const o of chunk) if (o.op === 'create') written.push(o.doc.id);
      // Another writer in between would have bumped the revision: then undo and retry.
      const ours = (guard.doc as UserStateDoc).revision;
      const state = await store.read<UserStateDoc>('worklogs', pk, 'state');
      if (state?.revision !== ours) throw new StorePreconditionError('state');
      const nextState: UserStateDoc = { ...withoutEtag(state), revision: ours + 1 };
      guard = { op: 'replace', doc: nextState, ifMatch: state._etag };
    }
  } catch (error) {
    for (let i = 0; i < written.length; i += room) {
      await store.batch('worklogs', pk, written.slice(i, i + room).map((id) => ({ op: 'delete' as const, id })));
    }
    throw error;
  }
}

function withoutEtag<T extends Document>(doc: Stored<T>): T {
  const { _etag: _unused, ...rest } = doc;
  return rest as unknown as T;
}
