import { EARLIEST_DAY, LATEST_DAY } from '../contracts/common.js';
import { badRequest } from '../domain/errors.js';
import type { Caller } from '../identity/caller.js';
import { activityTypesOf } from '../orgs/organization.js';
import { listOrgUsers } from '../orgs/org-users.js';
import type { Ports } from '../ports/index.js';
import { readRollupCells, type ReportCell } from '../reports/read-rollup-cells.js';
import { matches } from './odata-evaluate.js';
import { conjuncts, type Expression, type Operand } from './odata-expression.js';
import type { Aggregation } from './odata-options.js';
import type { Row } from './odata-rows.js';
import { RowGroups } from './group-rows.js';
import { everyFeedRow, type FeedRequest } from './read-feed-page.js';

/** Worklogs an aggregate that rollups cannot answer may read; past that it is refused. */
export const MAX_AGGREGATE_SCAN = 200_000;

/** What a rollup cell knows: its user, work item, target, activity type, billable, and its day or month. */
const FROM_ROLLUPS = new Set([
  'UserId', 'User/Id', 'User/Name', 'User/Email', 'WorkItemId', 'TargetId', 'ActivityTypeId', 'ActivityType/Id', 'ActivityType/Name',
  'ActivityType/Color', 'IsBillable', 'WorklogDate/Year', 'WorklogDate/Month', 'WorklogDate/Day', 'WorklogDate/ShortDate',
]);
const NEEDS_DAYS = new Set(['WorklogDate/Day', 'WorklogDate/ShortDate']);
const SUMMED = new Set(['PeriodLength', 'BillablePeriodLength']);

function pathsOf(expression: Expression): string[] {
  const operand = (o: Operand): string[] => (o.kind === 'property' ? [o.path.join('/')] : o.kind === 'call' ? o.args.flatMap(operand) : []);
  switch (expression.kind) {
    case 'compare': return [...operand(expression.left), ...operand(expression.right)];
    case 'in': case 'test': return operand(expression.operand);
    case 'and': case 'or': return [...pathsOf(expression.left), ...pathsOf(expression.right)];
    case 'not': return pathsOf(expression.operand);
  }
}

const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

interface RollupPlan {
  from: string;
  to: string;
  needsDays: boolean;
  residual: Expression[];
}

/**
 * Whether rollups answer an aggregation: it groups and filters only by what a cell knows,
 * sums lengths or counts worklogs, and bounds Timestamp only at local midnights
 * (`Timestamp ge 2026-01-01`: whole local days, as the cells hold them).
 */
export function rollupPlan(aggregation: Aggregation, filter: Expression | undefined): RollupPlan | undefined {
  const plan: RollupPlan = { from: EARLIEST_DAY, to: LATEST_DAY, needsDays: false, residual: [] };
  const served = (path: string) => FROM_ROLLUPS.has(path);
  if (!aggregation.groupBy.every((p) => served(p.join('/')))) return undefined;
  if (!aggregation.aggregates.every((a) => a.path === null || (SUMMED.has(a.path.join('/')) && (a.method === 'sum' || a.method === 'average')))) return undefined;
  for (const term of conjuncts(filter)) {
    const midnight = term.kind === 'compare' && term.left.kind === 'property' && term.left.path.join('/') === 'Timestamp' && term.right.kind === 'literal' && term.right.type === 'local' && term.right.value.endsWith('T00:00:00') ? term.right.value.slice(0, 10) : undefined;
    if (midnight && term.kind === 'compare' && term.op === 'ge') plan.from = midnight > plan.from ? midnight : plan.from;
    else if (midnight && term.kind === 'compare' && term.op === 'lt') plan.to = previousDay(midnight) < plan.to ? previousDay(midnight) : plan.to;
    else if (pathsOf(term).every(served)) plan.residual.push(term);
    else return undefined;
  }
  const paths = [...aggregation.groupBy.map((p) => p.join('/')), ...plan.residual.flatMap(pathsOf)];
  plan.needsDays = paths.some((p) => NEEDS_DAYS.has(p));
  return plan;
}

function cellRow(cell: ReportCell, users: Map<string, Row>, types: Map<string, Row>): Row {
  const [bucket, workItemId, activityTypeId, billable, length, billableLength] = cell.cell;
  const day = bucket.length === 10;
  return {
    UserId: cell.userId, User: users.get(cell.userId) ?? { Id: cell.userId, Name: null, Email: null },
    WorkItemId: workItemId, TargetId: cell.cell[7] ?? null, ActivityTypeId: activityTypeId, ActivityType: activityTypeId === null ? null : (types.get(activityTypeId) ?? null),
    IsBillable: billable, PeriodLength: length, BillablePeriodLength: billableLength,
    WorklogDate: { Year: Number(bucket.slice(0, 4)), Month: Number(bucket.slice(5, 7)), Day: day ? Number(bucket.slice(8, 10)) : null, ShortDate: day ? bucket : null },
  };
}

/**
 * `$apply` groupby/aggregate over the worklogs the caller may read: from the reports'
 * rollups when the grouping allows (a year summary reads a few documents per user, never
 * a worklog), else over the worklogs themselves, at most MAX_AGGREGATE_SCAN of them.
 */
export async function aggregateFeed(ports: Ports, caller: Caller, aggregation: Aggregation, request: Omit<FeedRequest, 'after' | 'skip' | 'want'>, userIds: string[] | undefined) {
  const groups = new RowGroups(aggregation);
  // Rollups hold live worklogs only: the …WithDeleted sets are summed from their rows.
  const plan = request.withDeleted ? undefined : rollupPlan(aggregation, request.filter);
  if (plan) {
    const { cells } = await readRollupCells(ports.store, { orgId: caller.orgId, userIds, from: plan.from, to: plan.to, needsDays: plan.needsDays });
    const users = new Map((await listOrgUsers(ports.store, caller.orgId)).map((u) => [u.userId, { Id: u.userId, Name: u.user.name, Email: u.user.uniqueName }]));
    const types = new Map((await activityTypesOf(ports, caller.orgId, caller.orgName)).map((t) => [t.id, { Id: t.id, Color: t.color.replace(/^#/, '').toLowerCase(), Name: t.name }]));
    for (const cell of cells) {
      const row = cellRow(cell, users, types);
      if (plan.residual.every((term) => matches(row, term))) groups.add({ row, count: cell.cell[6] });
    }
    return { rows: groups.rows(), fromRollups: true };
  }
  try {
    for await (const row of everyFeedRow(ports, caller, request, MAX_AGGREGATE_SCAN)) groups.add({ row, count: 1 });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw badRequest(
      'odata.aggregate_too_large',
      `$apply: this aggregate would read more than ${MAX_AGGREGATE_SCAN} worklogs. Group by user, work item, activity type, IsBillable or WorklogDate, sum PeriodLength, and bound Timestamp at local midnights (Timestamp ge 2026-01-01): those are read from totals kept per day`,
    );
  }
  return { rows: groups.rows(), fromRollups: false };
}
