import type { TimesheetView } from '../../shared/api-types.js';
import { dayLabel, differenceLabel, hoursLabel, lengthLabel, weekdayLabel } from '../../shared/format.js';
import { calendarWeeks, dayStanding, monthOf, targetSeconds, type DailyTarget } from './month.js';

/** A calendar of the month, weeks from the user's first day: each day's total, marked over or under its target. */
export function MonthGrid({ month, sheet, firstDayOfWeek, target, today, locked, onOpen }: {
  month: string; sheet: TimesheetView; firstDayOfWeek: number; target: DailyTarget; today: string;
  locked: ReadonlyMap<string, string>; onOpen: (day: string) => void;
}) {
  const logged = new Map(sheet.days.map((d) => [d.day, d.totalSeconds]));
  return (
    <table className="th-month-grid" data-testid="month-grid">
      <thead>
        <tr>{Array.from({ length: 7 }, (_, i) => <th key={i}>{weekdayLabel((firstDayOfWeek + i) % 7)}</th>)}</tr>
      </thead>
      <tbody>
        {calendarWeeks(month, firstDayOfWeek).map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              if (monthOf(day) !== month) return <td key={day} className="th-month-outside"><span className="th-month-date">{Number(day.slice(8))}</span></td>;
              const seconds = logged.get(day) ?? 0;
              const goal = targetSeconds(day, target);
              const standing = dayStanding(seconds, goal, day, today);
              const lockedReason = locked.get(day);
              return (
                <td key={day} className={day === today ? 'th-today' : undefined}>
                  <button type="button" className={`th-month-day th-month-${standing}${lockedReason ? ' th-locked' : ''}`} data-testid={`month-day-${day}`} data-standing={standing}
                    aria-label={`${dayLabel(day)}: ${lengthLabel(seconds)} logged${goal ? ` of ${hoursLabel(goal)}` : ''}${lockedReason ? ` (locked: ${lockedReason})` : ''}`}
                    title={lockedReason ? `Locked. ${lockedReason}` : 'Open the worklogs of this day'} onClick={() => onOpen(day)}>
                    <span className="th-month-date">{Number(day.slice(8))}</span>
                    <span className="th-month-logged" data-testid={`month-logged-${day}`}>{seconds ? lengthLabel(seconds) : ''}</span>
                    <span className="th-month-diff">{standing === 'over' || standing === 'under' ? differenceLabel(seconds - goal) : ''}</span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
