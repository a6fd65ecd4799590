import { AppError } from '../domain/errors.js';
import {
  StoreConflictError,
  StorePreconditionError,
  type ContainerName,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store.js';

const MAX_ATTEMPTS = 20;

/**
 * Read, change, write back with If-Match (or create when missing); a lost race reads
 * again and re-decides. `change` returns undefined to leave the document as it is.
 */
export async function updateDocument<T extends Document>(
  store: DocumentStore,
  container: ContainerName,
  pk: string,
  id: string,
  change: (current: Stored<T> | undefined) => T | undefined,
): Promise<Stored<T> | undefined> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await store.read<T>(container, pk, id);
    const next = change(current);
    if (next === undefined) return current;
    try {
      return current ? await store.replace(container, withoutEtag(next), current._etag) : await store.create(container, next);
    } catch (error) {
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
    }
  }
  throw new AppError(409, 'concurrency.contended', 'too many simultaneous changes; try again');
}

export function withoutEtag<T extends Document>(doc: T | Stored<T>): T {
  const { _etag: _unused, ...rest } = doc as Stored<T>;
  return rest as unknown as T;
}
