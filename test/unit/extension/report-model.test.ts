import { describe, expect, it } from 'vitest';
import { contrast, OTHER_COLOR, PAGE_BACKGROUNDS, SERIES_COLORS } from '../../../extension/src/time-hub/reports/chart-palette.js';
import { chartBars, defaultPeriod, hourTicks, periodsOf } from '../../../extension/src/time-hub/reports/chart-series.js';
import { defaultQuery, fromParams, presetOf, presetRange, toParams } from '../../../extension/src/time-hub/reports/report-query.js';
import { parseHubHash } from '../../../extension/src/time-hub/hub-location.js';
import { parseRoute } from '../../../extension/dev-host/src/route.js';

const today = new Date(2026, 10, 18, 12); // Wednesday 18 November 2026, local

describe('the report query in the hub URL', () => {
  it('round_trips_a_query_with_every_filter', () => {
    const query = { from: '2026-10-01', to: '2026-10-31', groupBy: ['user' as const, 'day' as const], users: ['u1', 'u2'], teams: ['R&D'], workItems: [3, 12], activityTypes: ['meeting'], targets: ['vacation', 'sick-leave'], billable: false };
    const params = toParams(query);
    expect(params).toBe('from=2026-10-01&to=2026-10-31&groupBy=user%2Cday&users=u1%2Cu2&teams=R%26D&workItems=3%2C12&activityTypes=meeting&targets=vacation%2Csick-leave&billable=false');
    expect(fromParams(params, today)).toEqual({ query });
  });

  it('opens_this_month_by_user_without_a_query_and_says_why_a_broken_one_is_not_shown', () => {
    expect(fromParams('', today).query).toEqual(defaultQuery(today));
    expect(defaultQuery(today)).toMatchObject({ from: '2026-11-01', to: '2026-11-30', groupBy: ['user'] });
    const broken = fromParams('from=2026-10-01&to=2026-09-01&groupBy=user', today);
    expect(broken.query).toEqual(defaultQuery(today));
    expect(broken.problem).toMatch(/to: from must not be after to/);
  });

  it('knows_the_presets_and_calls_anything_else_custom', () => {
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, today)).toBe('lastMonth');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, today)).toBe('custom');
  });

  it('splits_the_hub_hash_into_tab_and_report_query', () => {
    expect(parseHubHash('#reports?from=2026-10-01&to=2026-10-31&groupBy=user')).toEqual({ tab: 'reports', params: 'from=2026-10-01&to=2026-10-31&groupBy=user' });
    expect(parseHubHash('settings')).toEqual({ tab: 'settings', params: '' });
    expect(parseHubHash('nowhere?x=1')).toEqual({ tab: 'timesheet', params: '' });
  });

  it('dev_host_hands_the_hub_its_hash_undecoded_in_either_link_form', () => {
    const hash = 'reports?from=2026-10-01&teams=R%26D';
    expect(parseRoute(`#/hub/time-hub/${hash}`)).toEqual({ kind: 'hub', contributionId: 'time-hub', hash });
    expect(parseRoute(`#/hub/time-hub#${hash}`)).toEqual({ kind: 'hub', contributionId: 'time-hub', hash });
    expect(parseRoute('#/boards/12/time-tab')).toEqual({ kind: 'work-item', id: 12, tab: 'time-tab' });
  });
});

describe('the report chart', () => {
  it('has_every_period_of_the_range_empty_ones_too', () => {
    expect(periodsOf('day', '2026-10-30', '2026-11-02')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(periodsOf('week', '2026-10-01', '2026-10-31')).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
    expect(periodsOf('month', '2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect([defaultPeriod('2026-10-01', '2026-10-31'), defaultPeriod('2026-10-01', '2026-12-31'), defaultPeriod('2026-01-01', '2026-12-31')]).toEqual(['day', 'week', 'month']);
  });

  it('names_the_largest_series_and_puts_the_rest_in_other', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ day: '2026-10-05', userId: `u${i}`, length: (i + 1) * 600, billableLength: 0, count: 1 }));
    const { bars, series } = chartBars({ from: '2026-10-05', to: '2026-10-06', groupBy: ['day', 'user'], rows, totals: { length: 0, billableLength: 0, count: 0 } }, 'day', 'user');
    expect(series.map((s) => s.key)).toEqual(['u9', 'u8', 'u7', 'u6', 'u5', 'u4', 'u3', '__other']);
    expect(bars.map((b) => b.total)).toEqual([55 * 600, 0]);
    expect(bars[0]!.segments.at(-1)).toMatchObject({ seconds: 6 * 600 });
  });

  it('draws_hour_lines_at_round_steps', () => {
    expect(hourTicks(0)).toEqual([0, 1]);
    expect(hourTicks(5 * 3600)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hourTicks(6.5 * 3600)).toEqual([0, 2, 4, 6, 8]);
  });

  it('uses_colours_readable_on_the_light_and_the_dark_background', () => {
    for (const color of [...SERIES_COLORS, OTHER_COLOR]) {
      expect(contrast(color, PAGE_BACKGROUNDS.light), `${color} on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(color, PAGE_BACKGROUNDS.dark), `${color} on dark`).toBeGreaterThanOrEqual(3);
    }
  });
});
