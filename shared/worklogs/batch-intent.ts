import {
  StorePreconditionError,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store.js';

/**
 * A ledger commit larger than one store batch (Cosmos: 100 operations) is made
 * all-or-none as callers see it: the first batch replaces the user's state (If-Match, as
 * every ledger write) and stores the whole plan as intent parts, one per later chunk.
 * From then on the commit holds. Each chunk is applied in a batch that advances the
 * state's progress with If-Match and deletes its part, so it applies exactly once,
 * whoever applies it. A crash leaves the state pending; the next writer or reader of the
 * partition rolls it forward before it plans or reads.
 */
export interface PendingBatch {
  /** The state revision that began it; names its intent parts. */
  revision: number;
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
}

/** Every chunk batch also carries the state's guard and the delete of its part. */
const CHUNK_OVERHEAD = 2;
const MAX_LOST_RACES = 25;

const partId = (revision: number, chunk: number) => `batchIntent:${revision}:${chunk}`;

/** Commits the state with an intent for `operations` (creates only); `rollForward` applies it. */
export async function beginChunkedCommit(store: DocumentStore, pk: string, stateOperation: BatchOperation, operations: BatchOperation[]) {
  if (stateOperation.op === 'delete' || operations.some((o) => o.op !== 'create')) {
    throw new RangeError('a chunked commit only creates documents');
  }
  const state = stateOperation.doc as LedgerState;
  const room = store.maxBatchOperations - CHUNK_OVERHEAD;
  const chunks: BatchOperation[][] = [];
  for (let i = 0; i < operations.length; i += room) chunks.push(operations.slice(i, i + room));
  if (chunks.length + 1 > store.maxBatchOperations) throw new RangeError(`${operations.length} operations are too many for one commit`);
  const pending: PendingBatch = { revision: state.revision, chunks: chunks.length, applied: 0 };
  const parts = chunks.map((chunk, k): BatchOperation => {
    const doc: BatchIntentDoc = {
      id: partId(state.revision, k), pk, type: 'batchIntent', schemaVersion: 1,
      orgId: state.orgId, userId: state.userId, operations: chunk,
    };
    return { op: 'create', doc };
  });
  const begun: LedgerState = { ...state, pendingBatch: pending };
  await store.batch('worklogs', pk, [{ ...stateOperation, doc: begun }, ...parts]);
}

/** Applies what is left of a pending batch in `pk`; returns the settled state. */
export async function rollForward<S extends LedgerState>(store: DocumentStore, pk: string): Promise<Stored<S> | undefined> {
  for (let lost = 0; ; ) {
    const state = await store.read<S>('worklogs', pk, 'state');
    const pending = state?.pendingBatch;
    if (!state || !pending) return state;
    const id = partId(pending.revision, pending.applied);
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
