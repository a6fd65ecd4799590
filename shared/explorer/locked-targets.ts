import type { ErrorDetail } from '../domain/errors.js';
import { lockOn, lockMessage, type WeekLock } from '../domain/week-locks.js';
import type { Worklog } from '../domain/worklog.js';
import type { Ports } from '../ports/index.js';
import { readUserState } from '../worklogs/user-ledger.js';

/** Per worklog in a week its owner's approvals lock, one problem naming the week (one state read per owner). */
export async function lockedTargetProblems(ports: Pick<Ports, 'store'>, orgId: string, worklogs: readonly Worklog[]): Promise<ErrorDetail[]> {
  const owners = [...new Set(worklogs.map((w) => w.userId))];
  const locks = new Map(await Promise.all(owners.map(async (userId) => [userId, (await readUserState(ports.store, orgId, userId))?.locks ?? []] as const)));
  return worklogs.flatMap((worklog) => {
    const lock = lockOn(locks.get(worklog.userId), worklog.localDay);
    return lock ? [{ path: 'worklogs', code: 'approval.week_locked', message: `worklog ${worklog.id} of ${worklog.user.name}: ${lockMessage(worklog.localDay, lock)}` }] : [];
  });
}

/** Whether a worklog lies in a locked week of its owner, by the owner's state as a commit read it. */
export const isLocked = (held: readonly WeekLock[] | undefined, worklog: Pick<Worklog, 'localDay'>) => lockOn(held, worklog.localDay) !== undefined;
