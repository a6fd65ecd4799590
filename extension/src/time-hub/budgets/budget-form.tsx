import { Button } from 'azure-devops-ui/Button';
import { Checkbox } from 'azure-devops-ui/Checkbox';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useEffect, useRef, useState } from 'react';
import type { BudgetView, NewBudgetRequest, WorkItemSummary } from '../../shared/budgets-api.js';
import { hoursMinutes, parseDuration } from '../../shared/format.js';
import { FieldRow } from '../../shared/form-fields.js';
import { ActionError } from '../../shared/status-views.js';
import { useMounted } from '../../shared/use-mounted.js';
import { WorkItemPicker, workItemText } from './work-item-picker.js';

/** What the form sends: a new budget, or the fields of an existing one. */
export type BudgetFormValues = Omit<NewBudgetRequest, 'workItemId'> & { workItemId: number };

interface Draft {
  name: string;
  planned: string;
  billable: string;
  comment: string;
  isClosed: boolean;
}

const draftOf = (budget: BudgetView | undefined): Draft => ({
  name: budget?.name ?? '',
  planned: budget ? hoursMinutes(budget.planned) : '',
  billable: budget?.plannedBillable != null ? hoursMinutes(budget.plannedBillable) : '',
  comment: budget?.comment ?? '',
  isClosed: budget?.isClosed ?? false,
});

/** Reads the draft, or says what is wrong with it. */
function valuesOf(draft: Draft, workItem: Pick<WorkItemSummary, 'id'> | undefined): BudgetFormValues | string {
  if (!workItem) return 'Pick the work item the budget is for.';
  if (!draft.name.trim()) return 'Give the budget a name.';
  const planned = parseDuration(draft.planned);
  if (planned === undefined) return 'Planned time is hours, e.g. 40, 12:30 or 7.5.';
  const billable = draft.billable.trim() ? parseDuration(draft.billable) : null;
  if (billable === undefined) return 'Billable time is hours, e.g. 20, or nothing.';
  return { workItemId: workItem.id, name: draft.name.trim(), planned, plannedBillable: billable, comment: draft.comment.trim(), isClosed: draft.isClosed };
}

/** Creates a budget on a work item, or changes one (its work item stays: `workItem` only names it). */
export function BudgetForm({ budget, workItem: initialItem, onSave, onCancel }: {
  budget?: BudgetView;
  workItem?: WorkItemSummary;
  onSave: (values: BudgetFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(budget));
  const [workItem, setWorkItem] = useState(initialItem);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const mounted = useMounted();
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const form = useRef<HTMLDivElement>(null);
  // Opened from a row far down the tree: bring the form into view.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const save = () => {
    const values = valuesOf(draft, budget ? { id: budget.workItemId } : workItem);
    if (typeof values === 'string') return setProblem(values);
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    // A saved form is closed by the page: only a refusal stays here to be read.
    onSave(values).catch((cause: unknown) => { if (mounted()) setError(cause); }).finally(() => { if (mounted()) setBusy(false); });
  };

  return (
    <div className="th-budget-form" data-testid="budget-form" ref={form}>
      {budget
        ? <div className="title-s th-section">{`Budget on ${workItem ? workItemText(workItem) : `#${budget.workItemId}`}`}</div>
        : <WorkItemPicker picked={workItem} onPick={setWorkItem} />}
      <FieldRow>
        <FormItem label="Name" className="th-field flex-grow">
          <TextField value={draft.name} onChange={(_e, value) => set({ name: value })} ariaLabel="Budget name" placeholder="e.g. Phase 1" />
        </FormItem>
        <FormItem label="Planned hours" className="th-field">
          <TextField value={draft.planned} onChange={(_e, value) => set({ planned: value })} ariaLabel="Planned hours" placeholder="e.g. 40" />
        </FormItem>
        <FormItem label="Billable hours (optional)" className="th-field">
          <TextField value={draft.billable} onChange={(_e, value) => set({ billable: value })} ariaLabel="Billable hours" placeholder="none" />
        </FormItem>
      </FieldRow>
      <FieldRow>
        <FormItem label="Comment" className="th-field flex-grow">
          <TextField value={draft.comment} onChange={(_e, value) => set({ comment: value })} ariaLabel="Budget comment" />
        </FormItem>
        {budget && <Checkbox label="Closed" checked={draft.isClosed} onChange={(_e, checked) => set({ isClosed: checked })} />}
      </FieldRow>
      {problem && <ActionError error={problem} onDismiss={() => setProblem(undefined)} />}
      {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
      <div className="flex-row th-gap">
        <Button text={budget ? 'Save budget' : 'Create budget'} primary disabled={busy} onClick={save} />
        <Button text="Cancel" disabled={busy} onClick={onCancel} />
      </div>
    </div>
  );
}
