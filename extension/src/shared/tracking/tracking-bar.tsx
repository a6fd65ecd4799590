import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { ActionError, ErrorCard, Loading, Notice } from '../status-views.js';
import { SHORTCUTS, useShortcut, withKey } from '../use-shortcut.js';
import { clock } from '../format.js';
import { ActivityCheckPrompt } from './activity-check-prompt.js';
import { StartTrackingForm } from './start-tracking-form.js';
import { TargetQuickPick, TargetSwatch } from './target-quick-pick.js';
import { useActivityTypes } from './use-activity-types.js';
import { useTrackingActions } from './tracking-actions.js';
import { elapsedNow, serverNow, useCurrentTracker, useTicker } from './use-current-tracker.js';
import { useTargets } from './use-targets.js';
import { useWorkItemTitle } from './use-work-item-title.js';
import './tracking-bar.css';

/**
 * The tracking bar of every Timehub page: the running timer (work item, elapsed time,
 * stop), or a form to start one; and the activity check when one is due.
 */
export function TrackingBar({ workItemId }: { workItemId?: number }) {
  const { snapshot, error, accept, stoppedByServer } = useCurrentTracker();
  const actions = useTrackingActions(accept);
  const tracker = snapshot?.tracker ?? null;
  const now = useTicker(tracker !== null);
  const title = useWorkItemTitle(tracker?.workItemId ?? undefined);
  const targets = useTargets().data;
  const target = tracker?.targetId ? (targets?.find((t) => t.id === tracker.targetId) ?? { name: tracker.targetId, color: null }) : undefined;
  const activityType = useActivityTypes().data?.find((type) => type.id === tracker?.activityTypeId);
  // While idle the start form takes the same key.
  useShortcut(SHORTCUTS.track, () => { if (!actions.busy) void actions.stop(); }, tracker !== null);

  if (!snapshot) {
    return error ? <ErrorCard error={error} what="the running tracker" /> : <Loading label="Checking the tracker…" />;
  }
  const check = tracker?.activityCheck ?? null;
  const otherItemRuns = tracker !== null && workItemId !== undefined && tracker.workItemId !== workItemId;

  return (
    <Card className="th-tracking-bar th-section">
      <div className="flex-column flex-grow">
        {error !== undefined && <ErrorCard error={error} what="the running tracker" />}
        {stoppedByServer && <Notice severity={MessageCardSeverity.Warning}>Timehub stopped your tracker: no response during the activity check.</Notice>}
        {actions.notice && <Notice>{actions.notice}</Notice>}
        {actions.error !== undefined && <ActionError error={actions.error} onDismiss={actions.dismissError} />}
        {check && <ActivityCheckPrompt check={check} secondsLeft={check.respondBy ? (Date.parse(check.respondBy) - serverNow(snapshot, now)) / 1000 : 0} answering={actions.busy} onAnswer={() => void actions.answerCheck()} />}
        {tracker ? (
          <div className="flex-row flex-center flex-wrap th-gap" data-testid="tracker-running" data-work-item-id={tracker.workItemId ?? undefined} data-target-id={tracker.targetId ?? undefined}>
            <span className="th-tracking-dot" aria-hidden="true" />
            {target ? (
              <span className="font-weight-semibold flex-row flex-center"><TargetSwatch color={target.color} />{`Tracking ${target.name}`}</span>
            ) : (
              <span className="font-weight-semibold">{`Tracking #${tracker.workItemId}`}</span>
            )}
            {title && <span className="th-tracking-title">{title}</span>}
            <span className="th-numbers title-s" data-testid="tracker-elapsed">{clock(elapsedNow(snapshot, now))}</span>
            {activityType && <Pill size={PillSize.compact}>{activityType.name}</Pill>}
            {tracker.comment && <span className="th-muted">{tracker.comment}</span>}
            <Pill size={PillSize.compact}>{tracker.isBillable ? 'Billable' : 'Not billable'}</Pill>
            <span className="flex-grow" />
            {otherItemRuns && workItemId !== undefined && (
              <Button text="Track this item instead" disabled={actions.busy} onClick={() => void actions.start({ workItemId })} />
            )}
            <Button text="Stop" danger iconProps={{ iconName: 'Stop' }} disabled={actions.busy} onClick={() => void actions.stop()}
              tooltipProps={{ text: withKey('Stop tracking', SHORTCUTS.track) }} />
          </div>
        ) : (
          <div className="flex-column" data-testid="tracker-idle">
            <div className="th-muted" style={{ marginBottom: 8 }}>Not tracking.</div>
            <StartTrackingForm fixedWorkItemId={workItemId} busy={actions.busy} onStart={(input) => void actions.start(input)} onEdit={actions.dismissError} />
            {workItemId === undefined && <TargetQuickPick busy={actions.busy} onPick={(picked) => void actions.start({ targetId: picked.id })} />}
          </div>
        )}
      </div>
    </Card>
  );
}
