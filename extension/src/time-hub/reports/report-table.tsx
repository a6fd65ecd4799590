import type { ReportDimension } from '../../../../shared/contracts/reports.js';
import type { ReportRow, TimeReportView } from '../../shared/api-types.js';
import { hoursLabel } from '../../shared/format.js';
import { workItemTitles } from '../../shared/host-services.js';
import { useAsync } from '../../shared/use-async.js';
import { DIMENSION_NAMES, labelOf, valueOf, type GroupValue } from './report-labels.js';
import type { ReportNames } from './report-names.js';

interface Sums { length: number; billableLength: number; count: number }

/** Rows come sorted by the first grouping: consecutive rows with one first value form a group. */
function firstGroups(rows: readonly ReportRow[], first: ReportDimension) {
  const groups: { value: GroupValue; rows: ReportRow[]; sums: Sums }[] = [];
  for (const row of rows) {
    const value = valueOf(row, first);
    let group = groups[groups.length - 1];
    if (!group || group.value !== value) groups.push(group = { value, rows: [], sums: { length: 0, billableLength: 0, count: 0 } });
    group.rows.push(row);
    group.sums.length += row.length;
    group.sums.billableLength += row.billableLength;
    group.sums.count += row.count;
  }
  return groups;
}

/** Titles of the report's work items from Azure DevOps: a nicety, the ids show until (or unless) they come. */
function useWorkItemTitles(report: TimeReportView) {
  const ids = report.groupBy.includes('workItem') ? [...new Set(report.rows.map((row) => row.workItemId).filter((id): id is number => typeof id === 'number'))] : [];
  const key = ids.join(',');
  return useAsync(async () => (ids.length ? workItemTitles(ids) : new Map<number, string>()), [key]).state.data;
}

const SumCells = ({ sums }: { sums: Sums }) => (
  <>
    <td className="th-number">{hoursLabel(sums.length)}</td>
    <td className="th-number">{hoursLabel(sums.billableLength)}</td>
    <td className="th-number">{sums.count}</td>
  </>
);

/** The report as a table: a row per group, a subtotal per first group (when grouped twice), the grand total. */
export function ReportTable({ report, names }: { report: TimeReportView; names: ReportNames | undefined }) {
  const [first, second] = report.groupBy as [ReportDimension, ReportDimension | undefined];
  const titles = useWorkItemTitles(report);
  const label = (dimension: ReportDimension, value: GroupValue) => labelOf(dimension, value, names, titles);
  return (
    <table className="th-report-table" data-testid="report-table">
      <thead>
        <tr>
          <th>{DIMENSION_NAMES[first]}</th>
          {second && <th>{DIMENSION_NAMES[second]}</th>}
          <th className="th-number">Hours</th>
          <th className="th-number">Billable</th>
          <th className="th-number">Worklogs</th>
        </tr>
      </thead>
      {firstGroups(report.rows, first).map((group) => (
        <tbody key={String(group.value)} data-testid="report-group">
          {group.rows.map((row, i) => (
            <tr key={second ? String(valueOf(row, second)) : 'row'} data-testid="report-row">
              <td className={i === 0 ? 'th-group-label' : undefined}>{i === 0 ? label(first, group.value) : ''}</td>
              {second && <td>{label(second, valueOf(row, second))}</td>}
              <SumCells sums={row} />
            </tr>
          ))}
          {second && (
            <tr className="th-subtotal" data-testid="report-subtotal">
              <td>{`Subtotal ${label(first, group.value)}`}</td>
              <td />
              <SumCells sums={group.sums} />
            </tr>
          )}
        </tbody>
      ))}
      <tfoot>
        <tr data-testid="report-total">
          <td>Total</td>
          {second && <td />}
          <SumCells sums={report.totals} />
        </tr>
      </tfoot>
    </table>
  );
}
