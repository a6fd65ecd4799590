import type { TimesheetView } from '../../shared/api-types.js';
import { dayLabel, lengthLabel } from '../../shared/format.js';
import { TypedCell } from './typed-cell.js';

export interface CellRef {
  workItemId: number | null;
  title: string | null;
  day: string;
}

/** Work items by days with row, day and week totals; every cell opens its worklogs or takes a typed length. A locked day's cells say why (approvals). */
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
          <tr key={row.workItemId ?? 'none'} data-testid={`row-${row.workItemId ?? 'none'}`}>
            <td className="th-item-col">
              {row.workItemId === null ? <span className="th-muted">No work item</span> : <><b>{`#${row.workItemId}`}</b> {row.title ?? ''}</>}
            </td>
            {row.cells.map((cell) => (
              <td key={cell.day} className={cell.day === today ? 'th-today' : undefined}>
                <TypedCell workItemId={row.workItemId} day={cell.day} seconds={cell.seconds}
                  label={row.workItemId === null ? 'No work item' : `#${row.workItemId}`}
                  dayWorklogs={sheet.worklogs.filter((w) => w.localDay === cell.day)} onChanged={onChanged} lockedReason={locked?.get(cell.day)}
                  onOpen={() => onOpen({ workItemId: row.workItemId, title: row.title, day: cell.day })} />
              </td>
            ))}
            <td className="th-total" data-testid={`row-total-${row.workItemId ?? 'none'}`}>{lengthLabel(row.totalSeconds)}</td>
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
