import { AppError, paymentRequired } from '../domain/errors.js';
import { seatDecision, type SubscriptionState } from '../domain/subscription.js';
import { SECONDS_PER_DAY } from '../domain/time.js';
import type { UserRef } from '../domain/worklog.js';
import { withoutEtag } from '../orgs/conditional-update.js';
import { listOrgUsers, newOrgUser, readOrgUser, type OrgUserDoc } from '../orgs/org-users.js';
import { StoreConflictError, StorePreconditionError, type BatchOperation, type Document, type DocumentStore } from '../ports/document-store.js';
import type { Ports } from '../ports/index.js';
import { buyNowLink, type BillingSettings } from './billing-settings.js';

/** How many seats are taken in one billing period (container 'orgs', pk = orgId). */
interface SeatCountDoc extends Document {
  type: 'seatCount';
  periodKey: string;
  used: number;
}

const seatCountId = (periodKey: string) => `seats:${periodKey}`;
const MAX_ATTEMPTS = 60;

export async function seatsUsed(store: DocumentStore, orgId: string, periodKey: string) {
  return (await store.read<SeatCountDoc>('orgs', orgId, seatCountId(periodKey)))?.used ?? 0;
}

/**
 * Gives `user` a seat in the current period, unless they hold one. The count and the
 * user's seat are written in one batch with If-Match on both, so racing first-time users
 * cannot take more seats than licensed: a loser reads again and decides again.
 */
export async function claimSeat(
  ports: Pick<Ports, 'store' | 'clock'>,
  billing: BillingSettings,
  org: { orgId: string; name: string },
  user: UserRef,
  state: SubscriptionState,
) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [holder, count] = await Promise.all([
      readOrgUser(ports.store, org.orgId, user.id),
      ports.store.read<SeatCountDoc>('orgs', org.orgId, seatCountId(state.periodKey)),
    ]);
    const used = count?.used ?? 0;
    const decision = seatDecision(state, holder?.seatPeriod === state.periodKey, used);
    if (decision === 'held') return;
    if (decision === 'full') throw await seatsFull(ports.store, billing, org, state);
    const nextCount: SeatCountDoc = {
      id: seatCountId(state.periodKey), pk: org.orgId, type: 'seatCount', schemaVersion: 1, periodKey: state.periodKey,
      used: used + 1, ttl: 2 * 365 * SECONDS_PER_DAY,
    };
    const nextHolder: OrgUserDoc = { ...(holder ? withoutEtag(holder) : newOrgUser(org.orgId, user, false, ports.clock.now())), seatPeriod: state.periodKey };
    const operations: BatchOperation[] = [
      count ? { op: 'replace', doc: nextCount, ifMatch: count._etag } : { op: 'create', doc: nextCount },
      holder ? { op: 'replace', doc: nextHolder, ifMatch: holder._etag } : { op: 'create', doc: nextHolder },
    ];
    try {
      await ports.store.batch('orgs', org.orgId, operations);
      return;
    } catch (error) {
      if (!(error instanceof StorePreconditionError || error instanceof StoreConflictError)) throw error;
    }
  }
  throw new AppError(409, 'concurrency.contended', 'too many people are taking seats at once; try again');
}

/** 402 naming the billing admins, who can add seats. */
async function seatsFull(store: DocumentStore, billing: BillingSettings, org: { orgId: string; name: string }, state: SubscriptionState) {
  const admins = (await listOrgUsers(store, org.orgId, true)).map((u) => u.user.name);
  const who = admins.length ? `a billing admin (${admins.join(', ')})` : 'a billing admin (a Project Collection Administrator)';
  return paymentRequired(
    'billing.no_seat_left',
    `all ${state.seatLimit} seats of ${org.name}'s subscription are taken in this billing period; ask ${who} to add seats`,
    [{ path: 'buyNowUrl', code: 'billing.buy_now', message: buyNowLink(billing, org.name) }],
  );
}
