import { Button } from 'azure-devops-ui/Button';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import { ChoiceField, FieldRow, NativeField, type Choice } from '../../shared/form-fields.js';
import { MultiChoiceField } from '../../shared/multi-choice-field.js';
import type { ApprovalFilter } from '../../../../shared/approvals/approval-filter.js';
import { defaultFilter, parseWorkItemIds, type ExplorerFilterState, type FlagChoice } from './explorer-filter.js';

const flagChoices = (yes: string, no: string): Choice[] => [{ id: 'any', text: 'Any' }, { id: 'yes', text: yes }, { id: 'no', text: no }];
const BILLABLE = flagChoices('Billable', 'Not billable');
const TRACKED = flagChoices('Tracked', 'Manual');
const EDITED = flagChoices('Edited', 'Unchanged');
const APPROVAL: Choice[] = [
  { id: 'open', text: 'Not submitted' },
  { id: 'submitted', text: 'Submitted' },
  { id: 'approved', text: 'Approved' },
  { id: 'closed', text: 'Closed' },
];

/** The grid's filters; each change applies at once (the work item list when it is complete). */
export function ExplorerFilters({ filter, onChange, users, activityTypes }: {
  filter: ExplorerFilterState;
  onChange: (filter: ExplorerFilterState) => void;
  /** Null for those who see only their own time. */
  users: readonly Choice[] | null;
  activityTypes: readonly Choice[];
}) {
  const [workItemText, setWorkItemText] = useState(filter.workItemIds.join(', '));
  const parsedWorkItems = parseWorkItemIds(workItemText);
  const set = (patch: Partial<ExplorerFilterState>) => onChange({ ...filter, ...patch });
  const commitWorkItems = () => {
    if (parsedWorkItems && parsedWorkItems.join() !== filter.workItemIds.join()) set({ workItemIds: parsedWorkItems });
  };

  return (
    <div data-testid="explorer-filters">
      <FieldRow>
        <NativeField label="From" type="date" testId="filter-from" value={filter.fromDay} onChange={(fromDay) => set({ fromDay })} />
        <NativeField label="To" type="date" testId="filter-to" value={filter.toDay} onChange={(toDay) => set({ toDay })} />
        {users && <MultiChoiceField label="Users" placeholder="Everyone you may see" choices={users} value={filter.userIds} onChange={(userIds) => set({ userIds })} />}
        <FormItem label="Work items" className="th-field" error={parsedWorkItems === undefined} message={parsedWorkItems === undefined ? 'Work item ids, separated by commas' : undefined}>
          <TextField ariaLabel="Work items" placeholder="All (or ids: 3, 17)" value={workItemText}
            onChange={(_event, value) => setWorkItemText(value)} onBlur={commitWorkItems}
            onKeyDown={(event) => { if (event.key === 'Enter') commitWorkItems(); }} />
        </FormItem>
        <MultiChoiceField label="Activity types" placeholder="All" choices={activityTypes} value={filter.activityTypeIds} onChange={(activityTypeIds) => set({ activityTypeIds })} />
      </FieldRow>
      <FieldRow>
        <ChoiceField label="Billable" choices={BILLABLE} value={filter.billable} onChange={(id) => set({ billable: id as FlagChoice })} />
        <ChoiceField label="Tracked or manual" choices={TRACKED} value={filter.tracked} onChange={(id) => set({ tracked: id as FlagChoice })} />
        <ChoiceField label="Edited" choices={EDITED} value={filter.edited} onChange={(id) => set({ edited: id as FlagChoice })} />
        <MultiChoiceField label="Approval" placeholder="Any state" choices={APPROVAL} value={filter.approval} onChange={(ids) => set({ approval: ids as ApprovalFilter[] })} />
        <Button text="Reset filters" subtle iconProps={{ iconName: 'ClearFilter' }} onClick={() => { setWorkItemText(''); onChange(defaultFilter()); }} />
      </FieldRow>
    </div>
  );
}
