import type { ReportDimension } from '../../../../shared/contracts/reports.js';
import type { ReportRow, TimeReportView } from '../../shared/api-types.js';
import { hoursLabel } from '../../shared/format.js';
import { DIMENSION_NAMES, labelOf, typeOf, valueOf, workItemNamesOf, type GroupValue } from './report-labels.js';
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
  const workItems = workItemNamesOf(report);
  const label = (dimension: ReportDimension, value: GroupValue) => labelOf(dimension, value, names, workItems);
  /** The label, and a work item's type beside it. */
  const labelCell = (dimension: ReportDimension, value: GroupValue) => {
    const type = typeOf(dimension, value, workItems);
    return <>{label(dimension, value)}{type && <span className="th-work-item-type">{type}</span>}</>;
  };
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
              <td className={i === 0 ? 'th-group-label' : undefined}>{i === 0 ? labelCell(first, group.value) : ''}</td>
              {second && <td>{labelCell(second, valueOf(row, second))}</td>}
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
