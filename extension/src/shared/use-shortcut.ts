import { useEffect, useRef } from 'react';

/**
 * Timehub's keys. Azure DevOps binds ? p / and the sequences g… f… c… m…, on its pages n c e o
 * u w l b i q z r j k, Alt+i/n/p/q/r, Shift+Alt+c/l, Ctrl+s and Ctrl+Shift+… (its keyboard
 * shortcuts docs); these four are none of them.
 */
export const SHORTCUTS = { track: 't', previousWeek: '[', nextWeek: ']', thisWeek: 'h' } as const;

/** "Previous week ([)": the key in a tooltip. */
export const withKey = (text: string, key: string) => `${text} (${key})`;

function typingOrInDialog(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // A panel, dialog or callout has the keys while it is open.
  return target.closest('[role="dialog"], .bolt-panel, .bolt-callout') !== null;
}

/**
 * Runs `action` on `key` pressed anywhere in this frame (the extension's iframe has its own
 * document: keys reach it once it has focus), except while typing or in a dialog. Ctrl, Alt
 * and Meta combinations stay the browser's and the host's.
 */
export function useShortcut(key: string, action: () => void, enabled = true) {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      if (typingOrInDialog(event.target)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
