import { useState } from 'react';

/** "Add a row": a work item id to type time into, below the grid. */
export function AddRowField({ onAdd }: { onAdd: (workItemId: number) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const add = () => {
    const id = text.trim().replace(/^#/, '');
    if (!/^\d+$/.test(id)) return setProblem('Type a work item id, e.g. 12.');
    setProblem(undefined);
    setText('');
    onAdd(Number(id));
  };
  return (
    <div className="th-add-row flex-row flex-center">
      <input className="th-cell-input th-add-row-input" value={text} placeholder="Add a row: work item id" aria-label="Add a row for work item"
        data-testid="add-row" onChange={(event) => { setText(event.target.value); setProblem(undefined); }}
        onKeyDown={(event) => { if (event.key === 'Enter') add(); }} />
      {problem && <span className="th-cell-problem" role="alert" data-testid="add-row-problem">{problem}</span>}
    </div>
  );
}
