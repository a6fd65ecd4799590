import { Button } from 'azure-devops-ui/Button';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import type { ActivityCheck } from '../api-types.js';
import { clock } from '../format.js';

/** "Are you still working?" with the time left to answer before the server stops the tracker. */
export function ActivityCheckPrompt({ check, secondsLeft, answering, onAnswer }: {
  check: ActivityCheck;
  secondsLeft: number;
  answering: boolean;
  onAnswer: () => void;
}) {
  return (
    <MessageCard className="th-section" severity={MessageCardSeverity.Warning}>
      <div className="flex-row flex-center flex-wrap th-gap" data-testid="activity-check" data-due-at={check.dueAt}>
        <span className="font-weight-semibold">Are you still working?</span>
        <span>
          {'Answer within '}
          <span className="th-numbers" data-testid="activity-check-countdown">{clock(Math.max(0, secondsLeft))}</span>
          {', or the tracker stops at the time of this check.'}
        </span>
        <Button text="Yes, still working" primary disabled={answering} onClick={onAnswer} />
      </div>
    </MessageCard>
  );
}
