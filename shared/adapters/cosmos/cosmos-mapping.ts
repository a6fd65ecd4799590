import type { DeleteOperationInput, JSONObject, OperationInput } from '@azure/cosmos';
import {
  StoreConflictError,
  StorePreconditionError,
  type BatchOperation,
  type Document,
  type Stored,
} from '../../ports/document-store.js';

/** Cosmos adds these to every document; the port shows only `_etag`. */
const SYSTEM_FIELDS = ['_rid', '_self', '_ts', '_attachments'];

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

/** 404 means "changed under you" only where the caller expected the document to exist. */
export function storeError(status: number | undefined, id: string, op: BatchOperation['op']): Error | undefined {
  if (status === 409) return new StoreConflictError(id);
  if (status === 412 || (status === 404 && (op === 'replace' || op === 'delete'))) return new StorePreconditionError(id);
  return undefined;
}

export function ifMatchOption(ifMatch: string | undefined) {
  return ifMatch === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: ifMatch } };
}

/** Documents are plain JSON by the port's contract; system fields from a previous read are dropped. */
export function toCosmos(doc: Document): JSONObject {
  const body: Record<string, unknown> = { ...doc };
  for (const field of [...SYSTEM_FIELDS, '_etag']) delete body[field];
  return body as JSONObject;
}

export function fromCosmos<T extends Document>(resource: JSONObject): Stored<T> {
  const doc: Record<string, unknown> = { ...resource };
  for (const field of SYSTEM_FIELDS) delete doc[field];
  // Cosmos echoes back what was written, so the shape is the caller's T.
  return doc as unknown as Stored<T>;
}

export function toOperationInput(operation: BatchOperation, pk: string): OperationInput {
  // cosmosdb-server needs the partition key on each operation; Cosmos accepts it.
  if (operation.op === 'delete') {
    // The SDK's type lacks ifMatch on Delete, but it sends the operation as is and Cosmos honours it.
    const input: DeleteOperationInput & { ifMatch?: string } = {
      operationType: 'Delete',
      id: operation.id,
      partitionKey: pk,
      ifMatch: operation.ifMatch,
    };
    return input;
  }
  if (operation.doc.pk !== pk) throw new RangeError(`document ${operation.doc.id} is not in partition ${pk}`);
  const resourceBody = toCosmos(operation.doc);
  if (operation.op === 'create') return { operationType: 'Create', partitionKey: pk, resourceBody };
  if (operation.op === 'upsert') return { operationType: 'Upsert', partitionKey: pk, resourceBody };
  return { operationType: 'Replace', id: operation.doc.id, partitionKey: pk, resourceBody, ifMatch: operation.ifMatch };
}
