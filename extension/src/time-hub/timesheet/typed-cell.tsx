import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { WorklogView } from '../../shared/api-types.js';
import { errorLines } from '../../shared/error-text.js';
import { lengthLabel } from '../../shared/format.js';
import { CELL_ENTRY_HINT, planCellEntry } from './cell-entry.js';
import { rowKey } from './row-key.js';

const STARTS_TYPING = /^[0-9.:]$/;

/** A timesheet cell: click for its worklogs, or type a length to set it (Enter saves, Escape leaves it). A locked cell only opens. */
export function TypedCell({ workItemId, targetId, day, seconds, label, dayWorklogs, onOpen, onChanged, lockedReason }: {
  workItemId: number | null;
  targetId: string | null;
  day: string;
  seconds: number;
  label: string;
  dayWorklogs: WorklogView[];
  onOpen: () => void;
  onChanged: () => void;
  lockedReason?: string;
}) {
  const api = useApi();
  const [draft, setDraft] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const testId = `${rowKey({ workItemId, targetId })}-${day}`;

  const save = async (text: string) => {
    const plan = planCellEntry(text, { workItemId, targetId, day }, dayWorklogs);
    if (plan.kind === 'refused') return setProblem(plan.problem);
    setDraft(undefined);
    setProblem(undefined);
    try {
      if (plan.kind === 'add') await api.addWorklog(plan.request, crypto.randomUUID());
      if (plan.kind === 'patch') await api.updateWorklog(plan.id, plan.patch);
      if (plan.kind === 'delete') await api.deleteWorklog(plan.id);
      if (plan.kind !== 'none') onChanged();
    } catch (error) {
      setProblem(errorLines(error).message);
    }
  };

  const problemLine = problem && <div className="th-cell-problem" role="alert" data-testid={`cell-problem-${testId}`}>{problem}</div>;
  if (draft !== undefined) {
    return (
      <>
        <input className="th-cell-input" autoFocus value={draft} aria-label={`Length of ${label} on ${day}`} title={CELL_ENTRY_HINT}
          data-testid={`cell-input-${testId}`} onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void save(draft)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void save(draft);
            if (event.key === 'Escape') { setDraft(undefined); setProblem(undefined); }
          }} />
        {problemLine}
      </>
    );
  }
  return (
    <>
      <button type="button" className={lockedReason ? 'th-cell th-locked' : 'th-cell'} data-testid={`cell-${testId}`} data-locked={lockedReason}
        title={lockedReason ? `Locked. ${lockedReason}` : `Click for the worklogs. ${CELL_ENTRY_HINT}`}
        aria-label={`${label} on ${day}: ${lengthLabel(seconds)}${lockedReason ? ` (locked: ${lockedReason})` : ''}`} onClick={onOpen}
        onKeyDown={(event) => {
          if (lockedReason || !STARTS_TYPING.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
          event.preventDefault();
          setDraft(event.key);
        }}>
        {seconds ? lengthLabel(seconds) : '·'}
      </button>
      {problemLine}
    </>
  );
}
