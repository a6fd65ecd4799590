import type { TimesheetView } from '../../shared/api-types.js';
import { dayLabel, lengthLabel } from '../../shared/format.js';
import { TargetSwatch } from '../../shared/tracking/target-quick-pick.js';
import { rowKey, type RowSubject } from './row-key.js';
import { TypedCell } from './typed-cell.js';

export interface CellRef extends RowSubject {
  title: string | null;
  day: string;
}

type Row = TimesheetView['rows'][number];

/** What the first column says of a row: the work item, the target with its colour, or neither. */
function RowName({ row }: { row: Row }) {
  if (row.workItemId !== null) return <><b>{`#${row.workItemId}`}</b> {row.title ?? ''}</>;
  if (row.targetId !== null) return <span className="flex-row flex-center"><TargetSwatch color={row.color} />{row.title ?? row.targetId}</span>;
  return <span className="th-muted">No work item</span>;
}

const rowLabel = (row: Row) => (row.workItemId !== null ? `#${row.workItemId}` : row.targetId !== null ? (row.title ?? row.targetId) : 'No work item');

/** Work items and targets by days with row, day and week totals; every cell opens its worklogs or takes a typed length. A locked day's cells say why (approvals). */
export function WeekGrid({ sheet, today, onOpen, onChanged, locked }: {
  sheet: TimesheetView; today: string; onOpen: (cell: CellRef) => void; onChanged: () => void; locked?: ReadonlyMap<string, string>;
}) {
  const days = sheet.days.map((d) => d.day);
  return (
    <table className="th-week-grid" data-testid="week-grid">
      <thead>
        <tr>
          <th className="th-item-col">Work item</th>
          {days.map((day) => <th key={day} className={day === today ? 'th-today' : undefined}>{dayLabel(day)}</th>)}
          <th>Total</th>
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((row) => (
          <tr key={rowKey(row)} data-testid={`row-${rowKey(row)}`}>
            <td className="th-item-col"><RowName row={row} /></td>
            {row.cells.map((cell) => (
              <td key={cell.day} className={cell.day === today ? 'th-today' : undefined}>
                <TypedCell workItemId={row.workItemId} targetId={row.targetId} day={cell.day} seconds={cell.seconds} label={rowLabel(row)}
                  dayWorklogs={sheet.worklogs.filter((w) => w.localDay === cell.day)} onChanged={onChanged} lockedReason={locked?.get(cell.day)}
                  onOpen={() => onOpen({ workItemId: row.workItemId, targetId: row.targetId, title: row.title, day: cell.day })} />
              </td>
            ))}
            <td className="th-total" data-testid={`row-total-${rowKey(row)}`}>{lengthLabel(row.totalSeconds)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td className="th-item-col">Total</td>
          {sheet.days.map((d) => <td key={d.day} className="th-total">{lengthLabel(d.totalSeconds)}</td>)}
          <td className="th-total" data-testid="week-total">{lengthLabel(sheet.totalSeconds)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
