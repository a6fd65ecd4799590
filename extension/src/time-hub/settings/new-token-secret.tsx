import { Button } from 'azure-devops-ui/Button';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { useState } from 'react';
import type { NewApiTokenView } from '../../shared/api-types.js';

/** A new token's secret: shown this once, with a copy button. */
export function NewTokenSecret({ token, onDone }: { token: NewApiTokenView; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(token.token).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <MessageCard className="th-section" severity={MessageCardSeverity.Info} onDismiss={onDone}>
      <div className="flex-column" data-testid="new-token">
        <div>{`Your token “${token.name}”. Copy it now: Timehub keeps only its hash and cannot show it again.`}</div>
        <div className="flex-row flex-center th-gap" style={{ marginTop: 8 }}>
          <code className="th-code" data-testid="new-token-secret" style={{ wordBreak: 'break-all', userSelect: 'all' }}>{token.token}</code>
          <Button text={copied ? 'Copied' : 'Copy'} iconProps={{ iconName: 'Copy' }} onClick={copy} />
        </div>
      </div>
    </MessageCard>
  );
}
