import type { BudgetView } from './budgets-api.js';
import { budgetState } from './budget-state.js';
import { lengthLabel } from './format.js';
import './budget-bar.css';

/** The bar's scale in %: 100, or more when the time or a threshold goes past it (at most 200). */
const scaleOf = (usedPercent: number, thresholds: readonly number[]) => Math.min(200, Math.max(100, usedPercent, ...thresholds));

function Track({ percent, scale, thresholds, billable }: { percent: number; scale: number; thresholds: readonly number[]; billable?: boolean }) {
  return (
    <div className={`th-budget-track${billable ? ' th-billable' : ''}`}>
      <div className={`th-budget-fill${billable ? ' th-billable' : ''}`} style={{ width: `${(Math.min(percent, scale) / scale) * 100}%` }} />
      {thresholds.filter((t) => t <= scale).map((t) => (
        <span key={t} className="th-budget-tick" style={{ left: `${(t / scale) * 100}%` }} title={`Notice at ${t} %`} />
      ))}
    </div>
  );
}

/** Planned against tracked (and billable, when planned), with the notice thresholds as ticks; over budget in red. */
export function BudgetBar({ budget, thresholds }: { budget: Pick<BudgetView, 'planned' | 'plannedBillable' | 'status'>; thresholds: readonly number[] }) {
  const { planned, plannedBillable, status } = budget;
  const used = status.usedPercent ?? 0;
  const scale = scaleOf(used, thresholds);
  const state = budgetState(status.usedPercent, thresholds);
  const billablePercent = plannedBillable ? (status.billableTracked / plannedBillable) * 100 : null;
  return (
    <div className="th-budget-bar" data-testid="budget-bar" data-state={state} data-used={status.usedPercent ?? ''}>
      <Track percent={used} scale={scale} thresholds={thresholds} />
      <div className="th-budget-figures flex-row flex-wrap th-gap">
        <span data-testid="budget-tracked">{`${lengthLabel(status.tracked)} of ${lengthLabel(planned)} h`}</span>
        <span data-testid="budget-used">{status.usedPercent === null ? 'nothing planned' : `${status.usedPercent} % used`}</span>
        {status.remaining >= 0
          ? <span className="th-muted" data-testid="budget-remaining">{`${lengthLabel(status.remaining)} h left`}</span>
          : <span className="th-budget-over" data-testid="budget-remaining">{`over by ${lengthLabel(-status.remaining)} h`}</span>}
      </div>
      {plannedBillable !== null && billablePercent !== null && (
        <div className="th-budget-billable" data-testid="budget-billable">
          <Track percent={billablePercent} scale={scaleOf(billablePercent, [])} thresholds={[]} billable />
          <div className="th-budget-figures th-muted">{`Billable ${lengthLabel(status.billableTracked)} of ${lengthLabel(plannedBillable)} h`}</div>
        </div>
      )}
      {plannedBillable === null && status.billableTracked > 0 && (
        <div className="th-budget-figures th-muted">{`Billable ${lengthLabel(status.billableTracked)} h`}</div>
      )}
    </div>
  );
}
