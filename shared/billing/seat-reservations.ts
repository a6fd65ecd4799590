import { SECONDS_PER_DAY, addSeconds, isoSeconds } from '../domain/time.js';
import { updateDocument, withoutEtag } from '../orgs/conditional-update.js';
import { orgUserId, readOrgUser, type OrgUserDoc, type SeatReservation } from '../orgs/org-users.js';
import { StoreConflictError, StorePreconditionError, type Document, type DocumentStore } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';

/*
 * A seat is taken by a write that commits. The seat count lives in the org's partition and
 * the worklog in the user's, so they cannot share one transaction: the seat is reserved
 * right before the ledger commit (If-Match on count and holder, so never beyond the
 * licence), released if the commit fails, and confirmed once it holds.
 *
 * The crash window: if the process dies between reserving and committing, the seat stays
 * taken by a write that never happened, for at most RESERVATION_SECONDS; after that it is
 * given back as soon as someone needs a seat. Errors only ever undercount: a crash after
 * the commit but before the confirmation, or a write of the same user that relied on
 * another request's reservation which was then released, leaves the user without a seat
 * until their next write takes one again.
 */

/** How many seats are taken in one billing period (container 'orgs', pk = orgId). */
export interface SeatCountDoc extends Document {
  type: 'seatCount';
  periodKey: string;
  used: number;
}

export const RESERVATION_SECONDS = 10 * 60;
const MAX_ATTEMPTS = 60;

export const seatCountId = (periodKey: string) => `seats:${periodKey}`;

export function seatCountDoc(orgId: string, periodKey: string, used: number): SeatCountDoc {
  return { id: seatCountId(periodKey), pk: orgId, type: 'seatCount', schemaVersion: 1, periodKey, used, ttl: 2 * 365 * SECONDS_PER_DAY };
}

export function newReservation(ports: Pick<Ports, 'clock' | 'newId'>): SeatReservation {
  return { id: ports.newId(), until: isoSeconds(addSeconds(ports.clock.now(), RESERVATION_SECONDS)) };
}

/**
 * Gives back the seat held by reservation `reservationId` (the write did not commit), in
 * one batch with the count. Nothing happens when the reservation was confirmed meanwhile.
 */
export async function releaseSeat(store: DocumentStore, orgId: string, userId: string, periodKey: string, reservationId: string) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [holder, count] = await Promise.all([
      readOrgUser(store, orgId, userId),
      store.read<SeatCountDoc>('orgs', orgId, seatCountId(periodKey)),
    ]);
    if (!holder || !count || holder.seatPeriod !== periodKey || holder.seatReservation?.id !== reservationId) return false;
    const released: OrgUserDoc = { ...withoutEtag(holder), seatPeriod: null, seatReservation: null };
    try {
      await store.batch('orgs', orgId, [
        { op: 'replace', doc: seatCountDoc(orgId, periodKey, Math.max(0, count.used - 1)), ifMatch: count._etag },
        { op: 'replace', doc: released, ifMatch: holder._etag },
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
    }
  }
  return false;
}

/** The write committed: the user keeps the seat for the rest of the period. */
export async function confirmSeat(store: DocumentStore, orgId: string, userId: string, periodKey: string) {
  await updateDocument<OrgUserDoc>(store, 'orgs', orgId, orgUserId(userId), (current) =>
    current?.type === 'orgUser' && current.seatPeriod === periodKey && current.seatReservation ? { ...current, seatReservation: null } : undefined,
  );
}

/** Gives back reservations whose write never committed in time (the process died). True when a seat came free. */
export async function releaseExpiredReservations(ports: Pick<Ports, 'store' | 'clock'>, orgId: string, periodKey: string) {
  const expired = await ports.store.query<OrgUserDoc>('orgs', {
    partition: { pk: orgId },
    where: [
      { field: 'type', op: '=', value: 'orgUser' },
      { field: 'seatPeriod', op: '=', value: periodKey },
      { field: 'seatReservation.until', op: '<', value: isoSeconds(ports.clock.now()) },
    ],
  });
  let freed = false;
  for (const holder of expired) {
    if (holder.seatReservation && (await releaseSeat(ports.store, orgId, holder.userId, periodKey, holder.seatReservation.id))) freed = true;
  }
  return freed;
}
