import { DEFAULT_TARGETS, type Target } from '../domain/targets.js';
import type { Document, DocumentStore } from '../ports/document-store.js';
import { updateDocument } from '../orgs/conditional-update.js';

/**
 * The org's targets, one small document beside the organization's in its partition (like
 * budget settings): the org document stays as it is, and a change is one conditional write.
 */
interface TargetsDoc extends Document {
  type: 'targets';
  targets: Target[];
}

const TARGETS_ID = 'targets';

/** The org's targets; an org that never changed them has the starter set. */
export async function targetsOf(store: DocumentStore, orgId: string): Promise<Target[]> {
  return (await store.read<TargetsDoc>('orgs', orgId, TARGETS_ID))?.targets ?? [...DEFAULT_TARGETS];
}

/** Applies `change` to the org's targets with If-Match, re-deciding on a concurrent write. */
export async function changeTargets(store: DocumentStore, orgId: string, change: (targets: Target[]) => Target[]): Promise<Target[]> {
  const doc = await updateDocument<TargetsDoc>(store, 'orgs', orgId, TARGETS_ID, (current) => ({
    id: TARGETS_ID, pk: orgId, type: 'targets', schemaVersion: 1, targets: change(current?.targets ?? [...DEFAULT_TARGETS]),
  }));
  return doc!.targets;
}
