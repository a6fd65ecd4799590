import { Dropdown } from 'azure-devops-ui/Dropdown';
import { FormItem } from 'azure-devops-ui/FormItem';
import { DropdownMultiSelection } from 'azure-devops-ui/Utilities/DropdownSelection';
import { useEffect, useMemo } from 'react';
import type { Choice } from './form-fields.js';

const selectedIds = (selection: DropdownMultiSelection, choices: readonly Choice[]) =>
  selection.value.flatMap((range) => choices.slice(range.beginIndex, range.endIndex + 1).map((choice) => choice.id));

/** A multi-select Dropdown (with a filter box) driven by a plain list of ids; none selected reads as "all". */
export function MultiChoiceField({ label, choices, value, onChange, placeholder = 'All' }: {
  label: string;
  choices: readonly Choice[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  placeholder?: string;
}) {
  const selection = useMemo(() => new DropdownMultiSelection(), []);
  useEffect(() => {
    if (selectedIds(selection, choices).join('\n') === value.join('\n')) return;
    selection.clear();
    choices.forEach((choice, index) => { if (value.includes(choice.id)) selection.select(index, 1, true, true); });
  }, [choices, value, selection]);
  return (
    <FormItem label={label} className="th-field">
      <Dropdown
        ariaLabel={label}
        items={choices.map((choice) => ({ id: choice.id, text: choice.text }))}
        selection={selection}
        placeholder={placeholder}
        showFilterBox={choices.length > 8}
        onSelect={() => onChange(selectedIds(selection, choices))}
      />
    </FormItem>
  );
}
