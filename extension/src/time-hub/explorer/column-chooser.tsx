import { Checkbox } from 'azure-devops-ui/Checkbox';
import { CHOOSABLE_COLUMNS, type ColumnId } from './worklog-columns.js';

/** A checkbox per optional column; the choice is remembered (see use-column-choice.ts). */
export function ColumnChooser({ columns, onToggle }: { columns: readonly ColumnId[]; onToggle: (column: ColumnId, shown: boolean) => void }) {
  return (
    <div className="flex-row flex-wrap th-column-chooser" data-testid="column-chooser" role="group" aria-label="Columns">
      <span className="th-muted">Columns:</span>
      {CHOOSABLE_COLUMNS.map((column) => (
        <Checkbox key={column.id} label={column.name} checked={columns.includes(column.id)} onChange={(_event, shown) => onToggle(column.id, shown)} />
      ))}
    </div>
  );
}
