import { Icon } from 'azure-devops-ui/Icon';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { localDayOf } from '../format.js';
import { CalendarCallout } from './calendar-callout.js';
import { parseDayText, parseTimeText, shiftDay, shiftTime } from './date-time-text.js';
import { FieldShell } from './field-shell.js';
import './date-time-fields.css';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

/**
 * Text typed into a date or time field: shown as typed, passed on once it reads as a value,
 * put back in the one written form when the field loses focus. Arrow keys step the value.
 */
function useTypedValue(value: string, onChange: (value: string) => void, parse: (text: string) => string | undefined, step: (value: string, by: number) => string) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const invalid = text.trim() !== '' && parse(text) === undefined;
  return {
    text, invalid,
    change: (next: string) => {
      setText(next);
      const parsed = parse(next);
      if (parsed !== undefined && parsed !== value) onChange(parsed);
    },
    settle: () => setText(parse(text) ?? value),
    onArrows: (event: KeyboardEvent<HTMLInputElement>, by: number) => {
      if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || event.altKey || !value) return false;
      event.preventDefault();
      onChange(step(value, event.key === 'ArrowUp' ? by : -by));
      return true;
    },
  };
}

/** A day (YYYY-MM-DD): type it, step it with ↑/↓, or pick it from a calendar (Alt+↓ or the button). */
export function DateField({ label, value, onChange, testId }: TextFieldProps) {
  const typed = useTypedValue(value, onChange, parseDayText, shiftDay);
  const [open, setOpen] = useState(false);
  const shell = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const close = () => { setOpen(false); input.current?.focus(); };
  return (
    <div ref={shell} className="th-date-field">
      <FieldShell invalid={typed.invalid} after={(
        <button type="button" className="th-field-button" aria-label={`${label}: open the calendar`} title="Open the calendar (Alt+↓)" tabIndex={-1}
          data-testid={testId && `${testId}-calendar`} onClick={() => setOpen(!open)}>
          <Icon iconName="Calendar" />
        </button>
      )}>
        {(focus) => (
          <input ref={input} className="bolt-textfield-input flex-grow th-date-input" aria-label={label} data-testid={testId} value={typed.text} placeholder="yyyy-mm-dd"
            title="A day as yyyy-mm-dd; ↑/↓ step a day, Alt+↓ opens the calendar" aria-invalid={typed.invalid} {...focus}
            onChange={(event) => typed.change(event.target.value)}
            onBlur={() => { focus.onBlur(); typed.settle(); }}
            onKeyDown={(event) => {
              if (event.altKey && event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); return; }
              typed.onArrows(event, 1);
            }} />
        )}
      </FieldShell>
      {open && shell.current && (
        <CalendarCallout anchor={shell.current} value={value || undefined} today={localDayOf(new Date())}
          onDismiss={close} onPick={(day) => { onChange(day); close(); }} />
      )}
    </div>
  );
}

/** A time of day (24-hour HH:MM): type 9, 930, 9:30 or 9:30 pm; ↑/↓ step 15 minutes. */
export function TimeField({ label, value, onChange, testId }: TextFieldProps) {
  const typed = useTypedValue(value, onChange, parseTimeText, shiftTime);
  return (
    <FieldShell invalid={typed.invalid} after={<Icon iconName="Clock" className="th-field-icon" />}>
      {(focus) => (
        <input className="bolt-textfield-input flex-grow th-time-input" aria-label={label} data-testid={testId} value={typed.text} placeholder="hh:mm"
          title="A time as hh:mm (24 hours; 9:30 pm works too); ↑/↓ step 15 minutes" aria-invalid={typed.invalid} {...focus}
          onChange={(event) => typed.change(event.target.value)}
          onBlur={() => { focus.onBlur(); typed.settle(); }}
          onKeyDown={(event) => { typed.onArrows(event, 15); }} />
      )}
    </FieldShell>
  );
}
