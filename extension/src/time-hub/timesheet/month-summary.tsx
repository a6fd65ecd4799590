import type { TimesheetView } from '../../shared/api-types.js';
import { differenceLabel, hoursLabel } from '../../shared/format.js';
import { targetSeconds, type DailyTarget } from './month.js';

/** The month's total against its target, and how far ahead or behind it is up to today. */
export function MonthSummary({ sheet, target, today }: { sheet: TimesheetView; target: DailyTarget; today: string }) {
  const monthTarget = sheet.days.reduce((sum, d) => sum + targetSeconds(d.day, target), 0);
  const past = sheet.days.filter((d) => d.day <= today);
  const difference = past.reduce((sum, d) => sum + d.totalSeconds - targetSeconds(d.day, target), 0);
  return (
    <div className="flex-row flex-center flex-wrap th-month-summary">
      <span>Logged <b data-testid="month-total">{hoursLabel(sheet.totalSeconds)}</b> of <span data-testid="month-target">{hoursLabel(monthTarget)}</span></span>
      {past.length > 0 && (
        <span className={difference < 0 ? 'th-month-under' : 'th-month-over'} data-testid="month-difference">
          {`${differenceLabel(difference)} ${past.length === sheet.days.length ? 'for the month' : 'up to today'}`}
        </span>
      )}
    </div>
  );
}
