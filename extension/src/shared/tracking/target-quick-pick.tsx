import { Button } from 'azure-devops-ui/Button';
import type { TargetView } from '../../../../shared/contracts/targets.js';
import { useTargets } from './use-targets.js';

/** A target's colour as a small swatch beside its name. */
export function TargetSwatch({ color }: { color: string | null | undefined }) {
  return <span className="th-target-swatch" aria-hidden="true" style={{ backgroundColor: color ?? 'transparent' }} />;
}

/** One click tracks time on an internal target (vacation, meetings, ...) instead of a work item. */
export function TargetQuickPick({ busy, onPick }: { busy: boolean; onPick: (target: TargetView) => void }) {
  const targets = useTargets().data ?? [];
  if (targets.length === 0) return null;
  return (
    <div className="flex-row flex-center flex-wrap th-gap th-target-pick" role="group" aria-label="Track a target" data-testid="target-quick-pick">
      <span className="th-muted">Or track time on</span>
      {targets.map((target) => (
        <Button key={target.id} subtle disabled={busy} ariaLabel={`Track ${target.name}`} onClick={() => onPick(target)}>
          <TargetSwatch color={target.color} />
          {target.name}
        </Button>
      ))}
    </div>
  );
}
