import { Dropdown } from 'azure-devops-ui/Dropdown';
import { FormItem } from 'azure-devops-ui/FormItem';
import { DropdownMultiSelection } from 'azure-devops-ui/Utilities/DropdownSelection';
import { useEffect, useMemo } from 'react';
import type { Choice } from '../../shared/form-fields.js';

/** An azure-devops-ui multi-select Dropdown driven by a plain list of ids; none chosen means "all". */
export function MultiChoiceField({ label, choices, values, onChange, placeholder }: {
  label: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (ids: string[]) => void;
  placeholder: string;
}) {
  const selection = useMemo(() => new DropdownMultiSelection(), []);
  useEffect(() => {
    selection.clear();
    choices.forEach((choice, index) => { if (values.includes(choice.id)) selection.select(index, 1, true); });
  }, [choices, values, selection]);
  return (
    <FormItem label={label} className="th-field th-multi-field">
      <Dropdown
        ariaLabel={label}
        items={choices.map((choice) => ({ id: choice.id, text: choice.text }))}
        selection={selection}
        placeholder={placeholder}
        showFilterBox={choices.length > 8}
        onSelect={(_event, item) => onChange(values.includes(item.id) ? values.filter((id) => id !== item.id) : [...values, item.id])}
      />
    </FormItem>
  );
}
