import type { ApprovalSettings } from '../../shared/contracts/approvals.js';
import type { client, TestApi } from './api-server.js';
import { buildRoleWorld, type Actor, type RoleWorld } from './role-world.js';

type Call = ReturnType<typeof client>;

/** The week before T0 (Monday 2025-01-06) in Monday-first weeks, and one day in it. */
export const LAST_WEEK = { from: '2024-12-30', to: '2025-01-05' } as const;
export const IN_LAST_WEEK = '2025-01-02T10:00:00Z';
export const THIS_WEEK = { from: '2025-01-06', to: '2025-01-12' } as const;

export const APPROVALS_ON: ApprovalSettings = {
  enabled: true, firstDayOfWeek: 1, approvers: 'teamLeads', requireCompleteWeek: false, minimumWeekHours: 40, reminderDay: 1, emailNotices: true,
};

export interface ApprovalWorld extends RoleWorld {
  /** Each actor's user id. */
  ids: Record<Actor, string>;
  /** carol (team red) submits a week to `approver` (her Team lead by default). */
  carolSubmits(weekStart?: string, approver?: Actor): ReturnType<Call>;
  /** `by` decides carol's week. */
  decide(by: Call, action: 'approve' | 'reopen' | 'close', weekStart?: string, reason?: string): ReturnType<Call>;
  /** carol's record of a week, or undefined when none. */
  carolsWeek(weekStart?: string): Promise<{ state: string; approvalState: number; reason: string | null } | undefined>;
}

/** fabrikam with one user per role (role-world.ts) and approvals on: Team leads approve their teams. */
export async function buildApprovalWorld(api: TestApi, settings: Partial<ApprovalSettings> = {}): Promise<ApprovalWorld> {
  const world = await buildRoleWorld(api);
  const res = await world.alice('PUT', '/settings/approvals', { ...APPROVALS_ON, ...settings });
  if (res.status !== 200) throw new Error(`could not turn approvals on: ${JSON.stringify(res.body)}`);
  const ids = {} as Record<Actor, string>;
  for (const [actor, call] of Object.entries(world.actors)) ids[actor as Actor] = (await call('GET', '/rest/me')).body.data?.user?.id as string;
  return {
    ...world, ids,
    carolSubmits: (weekStart = LAST_WEEK.from, approver = 'teamLead') => world.carol('POST', '/approvals/submit', { weekStart, assignedManagerId: ids[approver] }),
    decide: (by, action, weekStart = LAST_WEEK.from, reason) => by('POST', `/approvals/${action}`, { userId: world.carolId, weekStart, ...(reason === undefined ? {} : { reason }) }),
    async carolsWeek(weekStart = LAST_WEEK.from) {
      const res = await world.carol('GET', `/approvals/weeks?from=${weekStart}&to=${weekStart}`);
      return res.body.data.weeks[0];
    },
  };
}
