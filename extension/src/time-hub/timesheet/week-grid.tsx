import type { TimesheetView } from '../../shared/api-types.js';
import { dayLabel, lengthLabel } from '../../shared/format.js';

export interface CellRef {
  workItemId: number | null;
  title: string | null;
  day: string;
}

/** Work items by days with row, day and week totals; every cell opens its worklogs. A locked day's cells say why (approvals). */
export function WeekGrid({ sheet, today, onOpen, locked }: { sheet: TimesheetView; today: string; onOpen: (cell: CellRef) => void; locked?: ReadonlyMap<string, string> }) {
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
                <button type="button" className={locked?.has(cell.day) ? 'th-cell th-locked' : 'th-cell'} data-testid={`cell-${row.workItemId ?? 'none'}-${cell.day}`}
                  data-locked={locked?.get(cell.day)} title={locked?.get(cell.day) && `Locked. ${locked.get(cell.day)}`}
                  aria-label={`${row.workItemId === null ? 'No work item' : `#${row.workItemId}`} on ${cell.day}: ${lengthLabel(cell.seconds)}${locked?.has(cell.day) ? ` (locked: ${locked.get(cell.day)})` : ''}`}
                  onClick={() => onOpen({ workItemId: row.workItemId, title: row.title, day: cell.day })}>
                  {cell.seconds ? lengthLabel(cell.seconds) : '·'}
                </button>
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
