import { Button } from 'azure-devops-ui/Button';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import { REPORT_DIMENSIONS, type ReportDimension } from '../../../../shared/contracts/reports.js';
import { ChoiceField, FieldRow, NativeField } from '../../shared/form-fields.js';
import { MultiChoiceField } from '../../shared/multi-choice-field.js';
import { DIMENSION_NAMES } from './report-labels.js';
import type { ReportNames } from './report-names.js';
import { PRESETS, PRESET_NAMES, presetOf, presetRange, type Preset, type ReportQuery } from './report-query.js';

const RANGES = [...PRESETS, 'custom' as const].map((id) => ({ id, text: PRESET_NAMES[id] }));
const DIMENSIONS = REPORT_DIMENSIONS.map((id) => ({ id, text: DIMENSION_NAMES[id] }));
const NONE = 'none';
const BILLABLE = [{ id: 'all', text: 'All time' }, { id: 'true', text: 'Billable only' }, { id: 'false', text: 'Not billable only' }];
const byName = (map: Map<string, string>) => [...map].map(([id, text]) => ({ id, text })).sort((a, b) => a.text.localeCompare(b.text));

/** The report's query as a form: edits stay here until "Show report" puts them in the URL. */
export function ReportForm({ query, names, today, onRun }: { query: ReportQuery; names: ReportNames | undefined; today: Date; onRun: (query: ReportQuery) => void }) {
  const [draft, setDraft] = useState(query);
  const [workItems, setWorkItems] = useState(query.workItems.join(', '));
  const change = (patch: Partial<ReportQuery>) => setDraft({ ...draft, ...patch });
  const [first = 'user', second] = draft.groupBy;
  const itemIds = workItems.split(/[\s,]+/).filter(Boolean);
  const itemsValid = itemIds.every((id) => /^\d{1,10}$/.test(id) && Number(id) > 0);

  return (
    <div className="flex-column" data-testid="report-form">
      <FieldRow>
        <ChoiceField label="Range" choices={RANGES} value={presetOf(draft, today)}
          onChange={(id) => { if (id !== 'custom') change(presetRange(id as Preset, today)); }} />
        <NativeField label="From" type="date" value={draft.from} testId="report-from" onChange={(from) => change({ from })} />
        <NativeField label="To" type="date" value={draft.to} testId="report-to" onChange={(to) => change({ to })} />
        <ChoiceField label="Group by" choices={DIMENSIONS} value={first}
          onChange={(id) => change({ groupBy: [id as ReportDimension, ...(second && second !== id ? [second] : [])] })} />
        <ChoiceField label="Then by" choices={[{ id: NONE, text: '—' }, ...DIMENSIONS.filter((d) => d.id !== first)]} value={second ?? NONE}
          onChange={(id) => change({ groupBy: id === NONE ? [first] : [first, id as ReportDimension] })} />
      </FieldRow>
      <FieldRow>
        {names?.readsOthers && <MultiChoiceField label="Users" choices={byName(names.users)} value={draft.users} onChange={(users) => change({ users })} />}
        {names?.readsOthers && names.teams.length > 0 && (
          <MultiChoiceField label="Teams" choices={names.teams.map((t) => ({ id: t, text: t }))} value={draft.teams} onChange={(teams) => change({ teams })} />
        )}
        <MultiChoiceField label="Activity types" choices={names ? byName(names.activityTypes) : []} value={draft.activityTypes}
          onChange={(activityTypes) => change({ activityTypes })} />
        <MultiChoiceField label="Targets" choices={names ? byName(names.targets) : []} value={draft.targets} onChange={(targets) => change({ targets })} />
        <FormItem label="Work items" className="th-field" error={!itemsValid} message={itemsValid ? undefined : 'Work item ids, e.g. 3, 12'}>
          <TextField ariaLabel="Work items" placeholder="All, or ids: 3, 12" value={workItems} onChange={(_e, v) => setWorkItems(v)} />
        </FormItem>
        <ChoiceField label="Billable" choices={BILLABLE} value={draft.billable === undefined ? 'all' : String(draft.billable)}
          onChange={(id) => change({ billable: id === 'all' ? undefined : id === 'true' })} />
        <Button text="Show report" primary disabled={!itemsValid || !draft.from || !draft.to}
          onClick={() => onRun({ ...draft, workItems: itemIds.map(Number) })} />
      </FieldRow>
    </div>
  );
}
