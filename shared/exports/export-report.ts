import type { TimeReportExportQuery } from '../contracts/exports.js';
import type { ReportDimension } from '../contracts/reports.js';
import type { Caller } from '../identity/caller.js';
import type { OrgUserDoc } from '../orgs/org-users.js';
import { activityTypesOf } from '../orgs/organization.js';
import type { Ports } from '../ports/index.js';
import type { ReportRow } from '../reports/group-report.js';
import { reportTimeWithTitles } from '../reports/report-time.js';
import { targetsOf } from '../targets/org-targets.js';
import { exportTimeReport, type TimeReportExportRow } from './export-time-report.js';

const FIELD = { user: 'userId', workItem: 'workItemId', target: 'targetId', activityType: 'activityTypeId', billable: 'billable', day: 'day', week: 'week', month: 'month' } as const;

/** Display names of the users in a report, read in lists of 100 (the store's `in` stays small). */
async function userNames(ports: Pick<Ports, 'store'>, orgId: string, userIds: string[]) {
  const names = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 100) {
    const docs = await ports.store.query<OrgUserDoc>('orgs', {
      partition: { pk: orgId },
      where: [{ field: 'type', op: '=', value: 'orgUser' }, { field: 'userId', op: 'in', value: userIds.slice(i, i + 100) }],
    });
    for (const doc of docs) names.set(doc.userId, doc.user.name);
  }
  return names;
}

/**
 * A time report as a CSV or XLSX file: the same rows, role rules and limits as
 * `GET /reports/time`, with names where the API has ids (a person reads the file).
 */
export async function exportReport(ports: Ports, caller: Caller, query: TimeReportExportQuery) {
  const { format, ...reportQuery } = query;
  const report = await reportTimeWithTitles(ports, caller, reportQuery);
  const groupBy: readonly ReportDimension[] = report.groupBy;
  const users = groupBy.includes('user') ? await userNames(ports, caller.orgId, [...new Set(report.rows.map((r) => r.userId ?? ''))].filter(Boolean)) : new Map<string, string>();
  const activities = new Map((await activityTypesOf(ports, caller.orgId, caller.orgName)).map((a) => [a.id, a.name]));
  const targets = groupBy.includes('target') ? new Map((await targetsOf(ports.store, caller.orgId)).map((t) => [t.id, t.name])) : new Map<string, string>();
  const label = (dimension: ReportDimension, row: ReportRow): string | number | null => {
    const value = row[FIELD[dimension]];
    if (value === undefined || value === null) return null;
    if (dimension === 'user') return users.get(String(value)) ?? String(value);
    if (dimension === 'activityType') return activities.get(String(value)) ?? String(value);
    if (dimension === 'target') return targets.get(String(value)) ?? String(value);
    if (dimension === 'billable') return value ? 'Billable' : 'Not billable';
    return typeof value === 'number' ? value : String(value);
  };
  const rows: TimeReportExportRow[] = report.rows.map((row) => ({
    groups: groupBy.map((dimension) => label(dimension, row)),
    length: row.length, billableLength: row.billableLength, count: row.count,
    workItemTitle: row.workItemTitle, workItemType: row.workItemType,
  }));
  const name = ['time-report', caller.orgName, report.from, report.to].join('-');
  return exportTimeReport(format, groupBy, rows, name);
}
