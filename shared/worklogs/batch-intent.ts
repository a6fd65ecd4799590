import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import {
  StorePreconditionError,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store.js';

/**
 * A ledger commit larger than one store batch (Cosmos: 100 operations) is made
 * all-or-none as callers see it: the plan is stored as intent parts, one per chunk, then
 * one batch replaces the user's state (If-Match, as every ledger write) naming them.
 * From then on the commit holds. A crash before that batch leaves inert parts that no
 * state names (no worklog, no answer): they are never applied. Each chunk is applied in a batch that advances the
 * state's progress with If-Match and deletes its part, so it applies exactly once,
 * whoever applies it. A crash leaves the state pending; the next writer or reader of the
 * partition rolls it forward before it plans or reads.
 */
export interface PendingBatch {
  /** The state revision that began it; names its intent parts. */
  revision: number;
  /** Tells apart the parts of writers that raced from the same revision (absent on older states). */
  nonce?: string;
  chunks: number;
  applied: number;
}

/** What this needs of the user's state document (user-ledger.ts owns the rest). */
export interface LedgerState extends Document {
  orgId: string;
  userId: string;
  revision: number;
  pendingBatch?: PendingBatch | null;
}

interface BatchIntentDoc extends Document {
  type: 'batchIntent';
  orgId: string;
  userId: string;
  operations: BatchOperation[];
  /**
   * Always null, but present: readers find parts ordered by period (settle-readers.ts), and
   * a Cosmos server from before 2022 leaves out of an ORDER BY what lacks the property.
   */
  period: null;
}

/** Every chunk batch also carries the state's guard and the delete of its part. */
const CHUNK_OVERHEAD = 2;
const MAX_LOST_RACES = 25;

const partId = (pending: Pick<PendingBatch, 'revision' | 'nonce'>, chunk: number) =>
  pending.nonce ? `batchIntent:${pending.revision}:${pending.nonce}:${chunk}` : `batchIntent:${pending.revision}:${chunk}`;

/**
 * Commits the state (first of `withState`, which all go in that one batch: the rollups)
 * with an intent for `operations` (creates only); `rollForward` applies it.
 */
export async function beginChunkedCommit(store: DocumentStore, pk: string, withState: BatchOperation[], operations: BatchOperation[]) {
  const [stateOperation, ...alongside] = withState;
  if (!stateOperation || stateOperation.op === 'delete' || operations.some((o) => o.op !== 'create')) {
    throw new RangeError('a chunked commit only creates documents');
  }
  if (withState.length > store.maxBatchOperations) {
    throw new AppError(400, 'worklog.batch_spans_too_long', `these worklogs touch ${alongside.length} rollups; split the batch into fewer months`);
  }
  const state = stateOperation.doc as LedgerState;
  const room = store.maxBatchOperations - CHUNK_OVERHEAD;
  const chunks: BatchOperation[][] = [];
  for (let i = 0; i < operations.length; i += room) chunks.push(operations.slice(i, i + room));
  if (chunks.length + 1 > store.maxBatchOperations) throw new RangeError(`${operations.length} operations are too many for one commit`);
  const pending: PendingBatch = { revision: state.revision, nonce: randomUUID(), chunks: chunks.length, applied: 0 };
  const parts = chunks.map((chunk, k): BatchIntentDoc => ({
    id: partId(pending, k), pk, type: 'batchIntent', schemaVersion: 1,
    orgId: state.orgId, userId: state.userId, operations: chunk, period: null,
  }));
  // The parts go first, one document each: Cosmos takes at most 2 MB in one batch, and
  // 500 worklogs with long comments plus their stored answer can be more. Until the state
  // names them they are nobody's, and a writer that loses the race removes its own.
  const written: string[] = [];
  try {
    for (const part of parts) {
      await store.create('worklogs', part);
      written.push(part.id);
    }
    const begun: LedgerState = { ...state, pendingBatch: pending };
    await store.batch('worklogs', pk, [{ ...stateOperation, doc: begun }, ...alongside]);
  } catch (error) {
    await Promise.allSettled(written.map((id) => store.delete('worklogs', pk, id)));
    throw error;
  }
}

/** Applies what is left of a pending batch in `pk`; returns the settled state. */
export async function rollForward<S extends LedgerState>(store: DocumentStore, pk: string): Promise<Stored<S> | undefined> {
  for (let lost = 0; ; ) {
    const state = await store.read<S>('worklogs', pk, 'state');
    const pending = state?.pendingBatch;
    if (!state || !pending) return state;
    const id = partId(pending, pending.applied);
    const part = await store.read<BatchIntentDoc>('worklogs', pk, id);
    // Read after the state: a part gone by now means another settler applied it meanwhile.
    if (!part) {
      if (++lost >= MAX_LOST_RACES) throw new Error(`batch intent ${id} in ${pk} is missing`);
      continue;
    }
    const applied = pending.applied + 1;
    const next: S = { ...withoutEtag(state), pendingBatch: applied < pending.chunks ? { ...pending, applied } : null };
    try {
      await store.batch('worklogs', pk, [{ op: 'replace', doc: next, ifMatch: state._etag }, { op: 'delete', id }, ...part.operations]);
    } catch (error) {
      // Another writer or reader moved the state on: read where it stands.
      if (!(error instanceof StorePreconditionError) || ++lost >= MAX_LOST_RACES) throw error;
    }
  }
}

function withoutEtag<T extends Document>(doc: Stored<T>): T {
  const { _etag: _unused, ...rest } = doc;
  return rest as unknown as T;
}
