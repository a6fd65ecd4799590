import { createHash } from 'node:crypto';
import { badRequest, unprocessable } from '../domain/errors.js';
import type { BatchOperation, Document, DocumentStore } from '../ports/document-store.js';

/** How long a retried POST still gets its first answer back. */
const KEEP_SECONDS = 24 * 3600;
const MAX_KEY_LENGTH = 255;

interface IdempotencyDoc extends Document {
  type: 'idempotency';
  requestHash: string;
  result: unknown;
}

export interface IdempotentRequest {
  key: string;
  requestHash: string;
}

export function idempotentRequest(key: string | undefined, scope: string, input: unknown): IdempotentRequest | undefined {
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
    throw badRequest('idempotency.key_invalid', `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);
  }
  const requestHash = createHash('sha256').update(scope).update(JSON.stringify(input)).digest('base64url');
  return { key, requestHash };
}

const docId = (key: string) => `idempotency:${createHash('sha256').update(key).digest('base64url')}`;

/** The first answer to this key, if there was one. The same key with another request is refused. */
export async function earlierResult(store: DocumentStore, pk: string, request: IdempotentRequest | undefined) {
  if (!request) return undefined;
  const doc = await store.read<IdempotencyDoc>('worklogs', pk, docId(request.key));
  if (!doc) return undefined;
  if (doc.requestHash !== request.requestHash) {
    throw unprocessable('idempotency.key_reused', 'this Idempotency-Key was already used for a different request');
  }
  return { result: doc.result };
}

/** Remembers the answer in the same batch as the write, so a retry cannot write twice. */
export function rememberResult(pk: string, request: IdempotentRequest | undefined, result: unknown): BatchOperation[] {
  if (!request) return [];
  const doc: IdempotencyDoc = {
    id: docId(request.key), pk, type: 'idempotency', schemaVersion: 1,
    requestHash: request.requestHash, result, ttl: KEEP_SECONDS,
  };
  return [{ op: 'create', doc }];
}
