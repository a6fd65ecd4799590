import { Button } from 'azure-devops-ui/Button';
import { useState } from 'react';

/** A button that asks once more, in place, before something that cannot be undone. */
export function ConfirmButton({ text, question, confirmText, disabled, onConfirm }: {
  text: string;
  question: string;
  confirmText: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button text={text} subtle iconProps={{ iconName: 'Blocked' }} disabled={disabled} onClick={() => setAsking(true)} />;
  return (
    <span className="flex-row flex-center th-gap">
      <span>{question}</span>
      <Button text={confirmText} danger disabled={disabled} onClick={() => { setAsking(false); onConfirm(); }} />
      <Button text="Keep" onClick={() => setAsking(false)} />
    </span>
  );
}
