import { Dropdown } from 'azure-devops-ui/Dropdown';
import { FormItem } from 'azure-devops-ui/FormItem';
import { DropdownSelection } from 'azure-devops-ui/Utilities/DropdownSelection';
import { useEffect, useMemo, type ReactNode } from 'react';
import { DateField, TimeField } from './fields/date-time-fields.js';
import { FieldShell } from './fields/field-shell.js';
import './form-fields.css';

export interface Choice {
  id: string;
  text: string;
}

/** An azure-devops-ui Dropdown driven by a plain value, as the rest of the forms are. */
export function ChoiceField({ label, ariaLabel, choices, value, onChange, placeholder, disabled }: {
  label: string;
  ariaLabel?: string;
  choices: readonly Choice[];
  value: string | undefined;
  onChange: (id: string) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  const selection = useMemo(() => new DropdownSelection(), []);
  useEffect(() => {
    const index = choices.findIndex((choice) => choice.id === value);
    if (index >= 0) selection.select(index);
    else selection.clear();
  }, [choices, value, selection]);
  return (
    <FormItem label={label} className="th-field">
      <Dropdown
        ariaLabel={ariaLabel ?? label}
        items={choices.map((choice) => ({ id: choice.id, text: choice.text }))}
        selection={selection}
        placeholder={placeholder}
        disabled={disabled}
        onSelect={(_event, item) => onChange(item.id)}
      />
    </FormItem>
  );
}

/**
 * A date, time or number field in the host's look (no browser-drawn date or time picker):
 * dates as yyyy-mm-dd with a calendar, times as 24-hour hh:mm, both steppable with ↑/↓.
 */
export function NativeField({ label, type, value, onChange, testId, min, step }: {
  label: string;
  type: 'date' | 'time' | 'number';
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  min?: number;
  step?: number;
}) {
  const props = { label, value, onChange, testId };
  return (
    <FormItem label={label} className="th-field">
      {type === 'date' && <DateField {...props} />}
      {type === 'time' && <TimeField {...props} />}
      {type === 'number' && (
        <FieldShell>
          {(focus) => (
            <input className="bolt-textfield-input flex-grow th-number-input" aria-label={label} data-testid={testId} type="number" inputMode="decimal"
              value={value} min={min} step={step} {...focus} onChange={(event) => onChange(event.target.value)} />
          )}
        </FieldShell>
      )}
    </FormItem>
  );
}

export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="th-field-row flex-row flex-wrap">{children}</div>;
}
