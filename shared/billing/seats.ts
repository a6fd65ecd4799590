import { AppError, paymentRequired } from '../domain/errors.js';
import { seatDecision, type SubscriptionState } from '../domain/subscription.js';
import type { UserRef } from '../domain/worklog.js';
import { withoutEtag } from '../orgs/conditional-update.js';
import { listOrgUsers, newOrgUser, readOrgUser, type OrgUserDoc } from '../orgs/org-users.js';
import { StoreConflictError, StorePreconditionError, type BatchOperation, type DocumentStore } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import type { Reservation } from '../worklogs/user-ledger.js';
import { buyNowLink, type BillingSettings } from './billing-settings.js';
import {
  confirmSeat, newReservation, releaseExpiredReservations, releaseSeat, seatCountDoc, seatCountId, type SeatCountDoc,
} from './seat-reservations.js';

const MAX_ATTEMPTS = 60;

type OrgRef = { orgId: string; name: string };

export async function seatsUsed(store: DocumentStore, orgId: string, periodKey: string) {
  return (await store.read<SeatCountDoc>('orgs', orgId, seatCountId(periodKey)))?.used ?? 0;
}

/** Before any work: 402 unless `holder` holds a seat or one is free. Takes nothing. */
export async function assertSeatOpen(
  ports: Pick<Ports, 'store' | 'clock'>, billing: BillingSettings, org: OrgRef, holder: OrgUserDoc | undefined, state: SubscriptionState,
) {
  if (holder?.seatPeriod === state.periodKey || state.seatLimit === null) return;
  if (seatDecision(state, false, await seatsUsed(ports.store, org.orgId, state.periodKey)) !== 'full') return;
  if (await releaseExpiredReservations(ports, org.orgId, state.periodKey)) return;
  throw await seatsFull(ports.store, billing, org, state);
}

/**
 * Reserves a seat for `user`'s write, right before it commits, unless they hold one. The
 * count and the user's seat are written in one batch with If-Match on both, so racing
 * first-time users cannot take more seats than licensed: a loser reads again and decides
 * again. The ledger releases the reservation if its commit fails, and confirms it once it
 * holds (see seat-reservations.ts).
 */
export async function reserveSeat(
  ports: Pick<Ports, 'store' | 'clock' | 'newId'>, billing: BillingSettings, org: OrgRef, user: UserRef, state: SubscriptionState,
): Promise<Reservation | undefined> {
  const confirm = () => confirmSeat(ports.store, org.orgId, user.id, state.periodKey);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [holder, count] = await Promise.all([
      readOrgUser(ports.store, org.orgId, user.id),
      ports.store.read<SeatCountDoc>('orgs', org.orgId, seatCountId(state.periodKey)),
    ]);
    const used = count?.used ?? 0;
    const decision = seatDecision(state, holder?.seatPeriod === state.periodKey, used);
    // Held under another request's reservation: this write confirms it too if it commits.
    if (decision === 'held') return holder?.seatReservation ? { release: async () => {}, confirm } : undefined;
    if (decision === 'full') {
      if (await releaseExpiredReservations(ports, org.orgId, state.periodKey)) continue;
      throw await seatsFull(ports.store, billing, org, state);
    }
    const reservation = newReservation(ports);
    // Only sign-in knows whether the user is a Project Collection Administrator: null leaves it to their token.
    const base = holder ? withoutEtag(holder) : newOrgUser(org.orgId, user, null, ports.clock.now());
    const nextHolder: OrgUserDoc = { ...base, seatPeriod: state.periodKey, seatReservation: reservation };
    const nextCount = seatCountDoc(org.orgId, state.periodKey, used + 1);
    const operations: BatchOperation[] = [
      count ? { op: 'replace', doc: nextCount, ifMatch: count._etag } : { op: 'create', doc: nextCount },
      holder ? { op: 'replace', doc: nextHolder, ifMatch: holder._etag } : { op: 'create', doc: nextHolder },
    ];
    try {
      await ports.store.batch('orgs', org.orgId, operations);
      return { release: async () => void (await releaseSeat(ports.store, org.orgId, user.id, state.periodKey, reservation.id)), confirm };
    } catch (error) {
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
    }
  }
  throw new AppError(409, 'concurrency.contended', 'too many people are taking seats at once; try again');
}

/** 402 naming the billing admins, who can add seats. */
async function seatsFull(store: DocumentStore, billing: BillingSettings, org: OrgRef, state: SubscriptionState) {
  const admins = (await listOrgUsers(store, org.orgId, true)).map((u) => u.user.name);
  const who = admins.length ? `a billing admin (${admins.join(', ')})` : 'a billing admin (a Project Collection Administrator)';
  return paymentRequired(
    'billing.no_seat_left',
    `all ${state.seatLimit} seats of ${org.name}'s subscription are taken in this billing period; ask ${who} to add seats`,
    [{ path: 'buyNowUrl', code: 'billing.buy_now', message: buyNowLink(billing, org.name) }],
  );
}
