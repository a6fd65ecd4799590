import { lockOn, type LockState, type WeekLock } from '../domain/week-locks.js';
import type { Worklog } from '../domain/worklog.js';
import type { DocumentStore } from '../ports/document-store.js';
import { readUserState, type UserStateDoc } from '../worklogs/user-ledger.js';

/** A report's approval filter: the lock states, and 'open' for days no approval locks (never submitted, withdrawn, reopened). */
export type ApprovalFilter = LockState | 'open';

/** The locks of the users a report covers: their state documents (one query for everyone, else a point read each). */
export async function locksOfUsers(store: DocumentStore, orgId: string, userIds: string[] | undefined): Promise<Map<string, WeekLock[]>> {
  if (userIds) return new Map(await Promise.all(userIds.map(async (id) => [id, (await readUserState(store, orgId, id))?.locks ?? []] as const)));
  const states = await store.query<UserStateDoc>('worklogs', {
    partition: { crossPartition: true },
    where: [{ field: 'orgId', op: '=', value: orgId }, { field: 'type', op: '=', value: 'userState' }],
  });
  return new Map(states.map((state) => [state.userId, state.locks ?? []]));
}

/** Whether `userId`'s `day` is in one of the states asked for. */
export function inApprovalStates(locks: Map<string, WeekLock[]>, wanted: readonly ApprovalFilter[], userId: string, day: string) {
  return wanted.includes(lockOn(locks.get(userId), day)?.state ?? 'open');
}

/** The worklogs on days in the states asked for (all of them when none are asked for); their users' locks are read once. */
export async function worklogsInApprovalStates(store: DocumentStore, orgId: string, worklogs: Worklog[], wanted: readonly ApprovalFilter[] | undefined) {
  if (!wanted) return worklogs;
  const locks = await locksOfUsers(store, orgId, [...new Set(worklogs.map((w) => w.userId))]);
  return worklogs.filter((w) => inApprovalStates(locks, wanted, w.userId, w.localDay));
}
