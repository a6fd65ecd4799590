import { Button } from 'azure-devops-ui/Button';
import { Callout } from 'azure-devops-ui/Callout';
import { Location } from 'azure-devops-ui/Utilities/Position';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { monthGrid, shiftDay } from './date-time-text.js';

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
const firstOf = (day: string) => `${day.slice(0, 7)}-01`;
const monthTitle = (day: string) => new Date(`${firstOf(day)}T12:00:00`).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });

/** A month of days under a date field: arrows move, Page Up/Down change month, Enter picks, Escape closes. */
export function CalendarCallout({ anchor, value, today, onPick, onDismiss }: {
  anchor: HTMLElement; value: string | undefined; today: string; onPick: (day: string) => void; onDismiss: () => void;
}) {
  const [focusDay, setFocusDay] = useState(value ?? today);
  const grid = useRef<HTMLDivElement>(null);
  // The callout lays itself out after mounting: focus the day once it is there.
  useEffect(() => {
    const frame = requestAnimationFrame(() => grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focusDay}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusDay]);

  const onKeyDown = (event: KeyboardEvent) => {
    // The day the keys moved to, even before its button (maybe in a month not drawn yet) has focus.
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(focusDay);
      return;
    }
    const step = KEY_STEPS[event.key];
    let next: string | undefined = step === undefined ? undefined : shiftDay(focusDay, step);
    if (event.key === 'PageUp' || event.key === 'PageDown') next = shiftDay(firstOf(shiftDay(firstOf(focusDay), event.key === 'PageUp' ? -1 : 32)), Number(focusDay.slice(8)) - 1);
    if (next) {
      event.preventDefault();
      setFocusDay(next);
    }
  };

  return (
    <Callout anchorElement={anchor} anchorOrigin={{ horizontal: Location.start, vertical: Location.end }} calloutOrigin={{ horizontal: Location.start, vertical: Location.start }} lightDismiss escDismiss onDismiss={onDismiss}
      contentShadow contentClassName="th-calendar" ariaLabel="Choose a day" role="dialog">
      <div className="flex-row flex-center th-calendar-head">
        <Button subtle ariaLabel="Previous month" iconProps={{ iconName: 'ChevronLeft' }} onClick={() => setFocusDay(shiftDay(firstOf(focusDay), -1))} />
        <span className="flex-grow th-calendar-title" data-testid="calendar-month">{monthTitle(focusDay)}</span>
        <Button subtle ariaLabel="Next month" iconProps={{ iconName: 'ChevronRight' }} onClick={() => setFocusDay(shiftDay(firstOf(focusDay), 32))} />
      </div>
      <div className="th-calendar-grid" ref={grid} role="grid" onKeyDown={onKeyDown} data-testid="calendar">
        {WEEKDAYS.map((day) => <span key={day} className="th-calendar-weekday">{day}</span>)}
        {monthGrid(firstOf(focusDay)).map((day) => {
          const classes = ['th-calendar-day', day.slice(0, 7) !== focusDay.slice(0, 7) ? 'th-calendar-other' : '', day === value ? 'th-calendar-selected' : '', day === today ? 'th-calendar-today' : ''];
          return (
            <button key={day} type="button" data-day={day} tabIndex={day === focusDay ? 0 : -1} aria-selected={day === value} aria-label={new Date(`${day}T12:00:00`).toDateString()}
              className={classes.filter(Boolean).join(' ')} onClick={() => onPick(day)}>
              {Number(day.slice(8))}
            </button>
          );
        })}
      </div>
    </Callout>
  );
}
