import { Checkbox } from 'azure-devops-ui/Checkbox';
import { FormItem } from 'azure-devops-ui/FormItem';
import { dayLabel, hoursLabel, weekdayLabel, type DateFormat } from '../../shared/format.js';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const DATE_STYLES: { id: DateFormat; name: string }[] = [
  { id: 'locale', name: "Your browser's language" }, { id: 'en-US', name: 'English (US)' }, { id: 'en-GB', name: 'English (UK)' },
  { id: 'de-DE', name: 'Deutsch' }, { id: 'fr-FR', name: 'Français' },
];

/** Each style named with a sample of how it writes a day and a length. */
export const dateStyleChoices = (sampleDay: string) =>
  DATE_STYLES.map((style) => ({ id: style.id, text: `${style.name}: ${dayLabel(sampleDay, { timeFormat: 'h:mm', dateFormat: style.id })}` }));

export const timeFormatChoices = [
  { id: 'h:mm', text: `Hours and minutes (${hoursLabel(5400, { timeFormat: 'h:mm', dateFormat: 'locale' })})` },
  { id: 'decimal', text: `Decimal hours (${hoursLabel(5400, { timeFormat: 'decimal', dateFormat: 'locale' })})` },
] as const;

/** A labelled native select, as the other settings forms use. */
export function SelectField({ label, testId, value, choices, onChange }: {
  label: string; testId: string; value: string; choices: readonly { id: string; text: string }[]; onChange: (id: string) => void;
}) {
  return (
    <FormItem label={label} className="th-field">
      <select className="th-native-input" aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.text}</option>)}
      </select>
    </FormItem>
  );
}

/** The days with a target, listed from the first day of the week. */
export function WorkdaysField({ workdays, firstDayOfWeek, onChange }: { workdays: readonly number[]; firstDayOfWeek: number; onChange: (days: number[]) => void }) {
  const days = Array.from({ length: 7 }, (_, i) => (firstDayOfWeek + i) % 7);
  return (
    <FormItem label="Workdays" className="th-field">
      <div className="flex-row flex-wrap th-workdays" data-testid="workdays">
        {days.map((day) => (
          <Checkbox key={day} label={weekdayLabel(day)} ariaLabel={WEEKDAYS[day]} checked={workdays.includes(day)}
            onChange={(_e, checked) => onChange(checked ? [...workdays, day] : workdays.filter((d) => d !== day))} />
        ))}
      </div>
    </FormItem>
  );
}
