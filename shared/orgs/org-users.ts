import { effectiveRole, type CallerAccess, type RoleName } from '../domain/roles.js';
import type { UserRef } from '../domain/worklog.js';
import type { Document, DocumentStore, Stored } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { updateDocument } from './conditional-update.js';

/**
 * One document per user of the org (container 'orgs', pk = orgId): who they are, their
 * Timehub role and teams, whether the directory says they are a Project Collection
 * Administrator (as of their last sign-in), and the billing period they hold a seat in.
 * Only sign-in writes `collectionAdmin`: every other path keeps it, or leaves it unknown.
 */
export interface OrgUserDoc extends Document {
  type: 'orgUser';
  orgId: string;
  userId: string;
  user: UserRef;
  /** Assigned by an Administrator; null: the default (Member). */
  role: RoleName | null;
  teams: string[];
  /** null: not known yet (recorded by a path other than sign-in); the caller's token decides. */
  collectionAdmin: boolean | null;
  /** The `periodKey` of the billing period in which the user holds a seat. */
  seatPeriod: string | null;
  /** Set while the seat is held for a write not yet committed (billing/seat-reservations.ts). */
  seatReservation?: SeatReservation | null;
  firstSeenTimestamp: string;
}

export interface SeatReservation {
  id: string;
  /** Past this instant an unconfirmed reservation is given back. */
  until: string;
}

export const orgUserId = (userId: string) => `user:${userId}`;

export function newOrgUser(orgId: string, user: UserRef, collectionAdmin: boolean | null, now: Date): OrgUserDoc {
  return {
    id: orgUserId(user.id), pk: orgId, type: 'orgUser', schemaVersion: 1, orgId, userId: user.id, user,
    role: null, teams: [], collectionAdmin, seatPeriod: null, firstSeenTimestamp: now.toISOString(),
  };
}

export async function readOrgUser(store: DocumentStore, orgId: string, userId: string) {
  const doc = await store.read<OrgUserDoc>('orgs', orgId, orgUserId(userId));
  return doc?.type === 'orgUser' ? doc : undefined;
}

export async function listOrgUsers(store: DocumentStore, orgId: string, onlyCollectionAdmins = false) {
  return store.query<OrgUserDoc>('orgs', {
    partition: { pk: orgId },
    where: [{ field: 'type', op: '=', value: 'orgUser' }, ...(onlyCollectionAdmins ? [{ field: 'collectionAdmin', op: '=' as const, value: true }] : [])],
    orderBy: [{ field: 'user.name', direction: 'asc' }],
  });
}

/**
 * What a user may do. Without a document, or with one that does not know (a user who
 * never signed in), the directory flag of their token decides whether they are an
 * Administrator.
 */
export function accessOf(orgUser: OrgUserDoc | undefined, tokenSaysCollectionAdmin: boolean): CallerAccess {
  const collectionAdmin = orgUser?.collectionAdmin ?? tokenSaysCollectionAdmin;
  return { role: effectiveRole(orgUser?.role, collectionAdmin), teams: orgUser?.teams ?? [], billingAdmin: collectionAdmin };
}

/** Records the user at sign-in with what the directory says now; writes only when something changed. */
export async function recordSignIn(ports: Pick<Ports, 'store' | 'clock'>, orgId: string, user: UserRef, collectionAdmin: boolean) {
  const saved = await updateDocument<OrgUserDoc>(ports.store, 'orgs', orgId, orgUserId(user.id), (current) => {
    if (!current) return newOrgUser(orgId, user, collectionAdmin, ports.clock.now());
    const same = current.collectionAdmin === collectionAdmin && JSON.stringify(current.user) === JSON.stringify(user);
    return same ? undefined : { ...current, user, collectionAdmin };
  });
  return saved as Stored<OrgUserDoc>;
}
