import { inApprovalStates, locksOfUsers } from '../approvals/approval-filter.js';
import type { TimeReportQuery } from '../contracts/reports.js';
import type { Caller } from '../identity/caller.js';
import type { Ports } from '../ports/index.js';
import { workItemNames } from '../work-items/work-item-names.js';
import { groupReport, type ReportRow } from './group-report.js';
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

/**
 * The report as people read it (the API and its export): rows grouped by work item also
 * carry its title and type, from one lookup in the org's work item cache for the whole report.
 */
export async function reportTimeWithTitles(ports: Pick<Ports, 'store' | 'directory' | 'clock'>, caller: Caller, query: TimeReportQuery) {
  const report = await reportTime(ports, caller, query);
  if (!query.groupBy.includes('workItem')) return report;
  const ids = report.rows.flatMap((row) => (typeof row.workItemId === 'number' ? [row.workItemId] : []));
  const names = await workItemNames(ports, { orgId: caller.orgId, orgName: caller.orgName }, ids);
  const rows = report.rows.map((row): ReportRow => {
    const name = typeof row.workItemId === 'number' ? names.get(row.workItemId) : undefined;
    return { ...row, workItemTitle: name?.title ?? null, workItemType: name?.type ?? null };
  });
  return { ...report, rows };
}
