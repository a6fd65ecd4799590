import { describe, expect, it } from 'vitest';
import { explorerParams } from '../../../extension/src/shared/explorer-api.js';
import { defaultFilter, parseWorkItemIds, queryFilterOf, totalsQueryOf } from '../../../extension/src/time-hub/explorer/explorer-filter.js';

describe('the Times Explorer filter', () => {
  const filter = { ...defaultFilter(new Date(2026, 10, 30, 12)), userIds: ['u1', 'u2'], workItemIds: [3], billable: 'no' as const };

  it('covers_whole_local_days_from_the_first_to_the_last_one_included', () => {
    const query = queryFilterOf(filter);
    expect(new Date(query.from).getTime()).toBe(new Date(2026, 10, 1, 0, 0).getTime());
    expect(new Date(query.to).getTime()).toBe(new Date(2026, 11, 1, 0, 0).getTime());
  });

  it('sends_only_the_filters_that_narrow', () => {
    const params = explorerParams(queryFilterOf(filter));
    expect([...params.keys()]).toEqual(['from', 'to', 'userIds', 'workItemIds', 'billable']);
    expect(params.get('userIds')).toBe('u1,u2');
    expect(params.get('billable')).toBe('false');
  });

  it('asks_the_reports_for_a_total_only_when_they_can_narrow_the_same_way', () => {
    expect(totalsQueryOf(filter)).toMatchObject({ fromDay: '2026-11-01', toDay: '2026-11-30', billable: false, workItemIds: [3] });
    expect(totalsQueryOf({ ...filter, tracked: 'yes' })).toBeUndefined();
    expect(totalsQueryOf({ ...filter, edited: 'no' })).toBeUndefined();
    expect(totalsQueryOf({ ...filter, fromDay: '2025-01-01' }), 'over a report\'s longest span').toBeUndefined();
  });

  it('reads_work_item_ids_separated_by_commas_or_spaces', () => {
    expect(parseWorkItemIds(' 3, 17  42;3 ')).toEqual([3, 17, 42]);
    expect(parseWorkItemIds('')).toEqual([]);
    expect(parseWorkItemIds('3, x')).toBeUndefined();
    expect(parseWorkItemIds('0')).toBeUndefined();
  });
});
