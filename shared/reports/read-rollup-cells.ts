import type { Condition, DocumentStore, Query } from '../ports/document-store.js';
import type { RollupCell, RollupDoc } from '../rollups/rollup-docs.js';
import { userPartition } from '../worklogs/user-ledger.js';

/** A rollup cell whose bucket is a local day, or a whole local month. */
export interface ReportCell {
  userId: string;
  cell: RollupCell;
}

/** One rollup document's cells within the range, with their user: no object per cell. */
export interface UserCells {
  userId: string;
  cells: readonly RollupCell[];
}

export interface CellRequest {
  orgId: string;
  /** undefined: everyone in the org. */
  userIds: string[] | undefined;
  from: string;
  to: string;
  /** The grouping needs days (day, week): read month rollups throughout. */
  needsDays: boolean;
  /**
   * Neither grouped nor filtered by work item, activity type or billable: each document's
   * per-bucket totals suffice, and only they are read. Their cells carry null for those keys.
   */
  totalsOnly?: boolean;
}

/**
 * The rollup cells of [from, to] (local days, inclusive): year rollups for the months the
 * range covers whole, month rollups for the days at its ends. A year report grouped by
 * month is then one or two small documents per user. One query (one partition when the
 * report is about one user); never a worklog.
 */
export async function readRollupGroups(store: DocumentStore, request: CellRequest): Promise<{ groups: UserCells[]; documents: number }> {
  const wholeMonths = new Set<string>();
  const dayMonths = new Set<string>();
  for (const month of monthsBetween(request.from, request.to)) {
    const whole = !request.needsDays && request.from <= `${month}-01` && request.to >= lastDayOf(month);
    (whole ? wholeMonths : dayMonths).add(month);
  }
  const periods = [...new Set([...[...wholeMonths].map((m) => m.slice(0, 4)), ...dayMonths])];
  if (request.userIds?.length === 0) return { groups: [], documents: 0 };
  const where: Condition[] = [
    { field: 'orgId', op: '=', value: request.orgId },
    { field: 'type', op: '=', value: 'rollup' },
    { field: 'period', op: 'in', value: periods },
  ];
  const single = request.userIds?.length === 1 ? request.userIds[0] : undefined;
  if (request.userIds && !single) where.push({ field: 'userId', op: 'in', value: request.userIds });
  const query: Query = {
    partition: single ? { pk: userPartition(request.orgId, single) } : { crossPartition: true },
    where,
    // In period order: the order of the SQLite index on (org, type, period), which its planner then picks over a scan.
    orderBy: [{ field: 'period', direction: 'asc' }],
  };
  let docs = request.totalsOnly ? await store.query<RollupDoc>('worklogs', { ...query, select: ['userId', 'period', 'totals'] }) : [];
  if (docs.some((doc) => !doc.totals)) docs = []; // rollups written before totals existed: read the cells
  if (docs.length) docs.forEach((doc) => (doc.cells = doc.totals!.map(([bucket, length, billable, count]) => [bucket, null, null, false, length, billable, count])));
  else docs = await store.query<RollupDoc>('worklogs', query);
  const groups: UserCells[] = [];
  for (const doc of docs) {
    const isYear = doc.period.length === 4;
    const wanted = (cell: RollupCell) => (isYear ? wholeMonths.has(cell[0]) : cell[0] >= request.from && cell[0] <= request.to);
    // Most documents lie wholly inside the range: their cells go on as they are, uncopied.
    groups.push({ userId: doc.userId, cells: doc.cells.every(wanted) ? doc.cells : doc.cells.filter(wanted) });
  }
  return { groups, documents: docs.length };
}

/** The same cells one by one, each with its user (for callers that want them flat). */
export async function readRollupCells(store: DocumentStore, request: CellRequest): Promise<{ cells: ReportCell[]; documents: number }> {
  const { groups, documents } = await readRollupGroups(store, request);
  return { cells: groups.flatMap(({ userId, cells }) => cells.map((cell) => ({ userId, cell }))), documents };
}

function monthsBetween(from: string, to: string) {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

function lastDayOf(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
