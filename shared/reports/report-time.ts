import { inApprovalStates, locksOfUsers } from '../approvals/approval-filter.js';
import type { TimeReportQuery } from '../contracts/reports.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { groupReport } from './group-report.js';
import { readRollupCells } from './read-rollup-cells.js';
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
  const read = await readRollupCells(ports.store, { orgId: caller.orgId, userIds, from: query.from, to: query.to, needsDays });
  const locks = query.approval && (await locksOfUsers(ports.store, caller.orgId, userIds));
  const cells = locks ? read.cells.filter((c) => inApprovalStates(locks, query.approval!, c.userId, c.cell[0])) : read.cells;
  const { rows, totals } = groupReport(cells, query.groupBy, query);
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows, totals };
}
