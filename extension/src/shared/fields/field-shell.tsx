import { useState, type ReactNode } from 'react';

/**
 * An input drawn as azure-devops-ui draws its TextField (the bolt-textfield classes, so both
 * themes and the focus ring follow the host), with room for a button after the text.
 */
export function FieldShell({ children, after, invalid }: { children: (focus: { onFocus: () => void; onBlur: () => void }) => ReactNode; after?: ReactNode; invalid?: boolean }) {
  const [focused, setFocused] = useState(false);
  const classes = ['bolt-textfield', 'flex-row', 'flex-center', 'focus-treatment', 'th-field-shell', focused ? 'focused' : '', invalid ? 'bolt-textfield-error' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {children({ onFocus: () => setFocused(true), onBlur: () => setFocused(false) })}
      {after}
    </div>
  );
}
