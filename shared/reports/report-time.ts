import { inApprovalStates, locksOfUsers } from '../approvals/approval-filter.js';
import type { TimeReportQuery } from '../contracts/reports.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { groupReport } from './group-report.js';
import { readRollupGroups } from './read-rollup-cells.js';
import { reportSubjects } from './report-subjects.js';

/**
 * Time summed by one or two dimensions over [from, to] (the users' local days), within the
 * caller's role. Reads rollups only, which are written in the worklogs' own batches: the
 * report agrees with the worklogs the moment they are written.
 */
export async function reportTime(ports: Pick<Ports, 'store'>, caller: Caller, query: TimeReportQuery) {
  const userIds = await reportSubjects(ports, caller, query);
  // An approval filter decides per day: it reads days (month rollups) and the users' locks.
  const needsDays = query.groupBy.includes('day') || query.groupBy.includes('week') || query.approval !== undefined;
  const totalsOnly = query.groupBy.every((d) => d === 'user' || d === 'day' || d === 'week' || d === 'month')
    && !query.workItems && !query.targets && !query.activityTypes && query.billable === undefined;
  const { groups } = await readRollupGroups(ports.store, { orgId: caller.orgId, userIds, from: query.from, to: query.to, needsDays, totalsOnly });
  const locks = query.approval && (await locksOfUsers(ports.store, caller.orgId, userIds));
  const approved = locks ? groups.map(({ userId, cells }) => ({ userId, cells: cells.filter((cell) => inApprovalStates(locks, query.approval!, userId, cell[0])) })) : groups;
  const { rows, totals } = groupReport(approved, query.groupBy, query);
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows, totals };
}
