import { describe, expect, it } from 'vitest';
import { bulkFilterOf, explorerParams, reportTotalsParams } from '../../../extension/src/shared/explorer-api.js';
import { defaultFilter, queryFilterOf, totalsQueryOf } from '../../../extension/src/time-hub/explorer/explorer-filter.js';

describe("the Times Explorer's approval filter", () => {
  const filter = { ...defaultFilter(new Date(2026, 10, 30, 12)), approval: ['approved' as const, 'open' as const] };

  it('narrows_the_grid_its_export_and_its_totals_by_the_same_states', () => {
    expect(explorerParams(queryFilterOf(filter)).get('approval')).toBe('approved,open');
    const totals = totalsQueryOf(filter);
    expect(totals && reportTotalsParams(totals).get('approval')).toBe('approved,open');
  });

  it('asks_for_nothing_when_no_state_is_chosen_and_never_reaches_a_bulk_filter', () => {
    expect(explorerParams(queryFilterOf(defaultFilter())).has('approval')).toBe(false);
    expect(bulkFilterOf(queryFilterOf(filter))).not.toHaveProperty('approval');
  });
});
