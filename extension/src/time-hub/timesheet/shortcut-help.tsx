import { SHORTCUTS } from '../../shared/use-shortcut.js';

const KEYS: [string, string][] = [
  [SHORTCUTS.track, 'start or stop tracking'],
  [SHORTCUTS.previousWeek, 'previous week'],
  [SHORTCUTS.nextWeek, 'next week'],
  [SHORTCUTS.thisWeek, 'this week'],
];

/** The timesheet's keys, in one quiet line under it. */
export function ShortcutHelp() {
  return (
    <div className="th-muted th-shortcut-help" data-testid="shortcut-help">
      Keys:{' '}
      {KEYS.map(([key, what], i) => (
        <span key={key}>{i > 0 && ' · '}<kbd className="th-key">{key}</kbd> {what}</span>
      ))}
    </div>
  );
}
