import { paymentRequired } from '../domain/errors.js';
import type { SubscriptionState } from '../domain/subscription.js';
import { readOrgUser } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import type { Member } from '../roles/member-access.js';
import { assertMayWriteTimeOf, subjectUser } from '../roles/time-access.js';
import { buyNowLink, type BillingSettings } from './billing-settings.js';
import { orgSubscriptionState } from './org-subscription.js';
import type { BeforeCommit } from '../worklogs/user-ledger.js';
import { assertSeatOpen, reserveSeat } from './seats.js';

/**
 * How a route writes time:
 * - 'time': refused with 402 while the org is read-only (trial or subscription expired),
 *   or when the user whose time it is holds no seat and none is free; their first write
 *   of the period that commits takes a seat;
 * - 'tracked': finishes or keeps time that was tracked while the org was writable
 *   (stop tracking, answer an activity check): never refused, so no tracked time is lost.
 */
export type TimeWrite = 'time' | 'tracked';

/**
 * Runs before the handler of a 'time' route and takes nothing. Returns how the write
 * takes its seat: the use case runs it right before its ledger commit, after every check
 * passed, so a refused write takes no seat. The query conventions it reads: `userId`
 * (whose time; the caller's when absent) and `validateOnly` (checks only: no seat taken).
 */
export async function guardTimeWrite(
  ports: Pick<Ports, 'store' | 'clock' | 'newId'>, billing: BillingSettings, member: Member, kind: TimeWrite, query: unknown,
): Promise<BeforeCommit | undefined> {
  if (kind === 'tracked') return undefined;
  const { userId, validateOnly } = (query ?? {}) as { userId?: string; validateOnly?: boolean };
  const subjectId = userId ?? member.caller.user.id;
  assertMayWriteTimeOf(member.caller, subjectId);
  const state = await orgSubscriptionState(ports, member.org);
  if (!state.writable) throw readOnly(billing, member.org.name, state);
  if (validateOnly === true) return undefined;
  const holder = subjectId === member.caller.user.id ? member.orgUser : await readOrgUser(ports.store, member.caller.orgId, subjectId);
  if (holder?.seatPeriod === state.periodKey && !holder.seatReservation) return undefined;
  const user = holder?.user ?? (await subjectUser(ports, member.caller, subjectId));
  const org = { orgId: member.caller.orgId, name: member.org.name };
  await assertSeatOpen(ports, billing, org, holder, state);
  return () => reserveSeat(ports, billing, org, user, state);
}

export function readOnly(billing: BillingSettings, orgName: string, state: SubscriptionState) {
  const link = buyNowLink(billing, orgName);
  const what = state.source === 'trial' ? 'trial' : 'subscription';
  return paymentRequired(
    'billing.read_only',
    `the ${what} of ${orgName} ended on ${state.renewalDate}: Timehub is read-only until a billing admin buys a subscription at ${link}. Reading, the timesheet and exports keep working.`,
    [{ path: 'buyNowUrl', code: 'billing.buy_now', message: link }],
  );
}

/**
 * The gate for a write whose items name their own users (7pace's per-item `userId` in a
 * batch): the query's subject and each named user are checked, each with their own seat.
 */
export async function guardTimeWrites(
  ports: Pick<Ports, 'store' | 'clock' | 'newId'>, billing: BillingSettings, member: Member, kind: TimeWrite, query: unknown, itemUsers: readonly string[],
) {
  const { userId, validateOnly } = (query ?? {}) as { userId?: string; validateOnly?: boolean };
  const subjectId = userId ?? member.caller.user.id;
  const seats = new Map<string, BeforeCommit | undefined>();
  for (const user of new Set([subjectId, ...itemUsers])) seats.set(user, await guardTimeWrite(ports, billing, member, kind, { userId: user, validateOnly }));
  return { takeSeat: seats.get(subjectId), seatOf: (user: string) => seats.get(user) };
}
