export type BudgetState = 'ok' | 'warning' | 'over';

/** Over budget past 100 %; a warning from the highest notice threshold under 100 % on. */
export function budgetState(usedPercent: number | null, thresholds: readonly number[]): BudgetState {
  if (usedPercent === null) return 'ok';
  if (usedPercent > 100) return 'over';
  const below = thresholds.filter((t) => t < 100);
  return below.length > 0 && usedPercent >= Math.max(...below) ? 'warning' : 'ok';
}
