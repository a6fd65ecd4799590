import type { ReportRow, TimeReportView } from '../../shared/api-types.js';
import { addDays, mondayOf } from '../timesheet/week.js';
import { OTHER_COLOR, SERIES_COLORS } from './chart-palette.js';
import { valueOf, type GroupValue } from './report-labels.js';

export type ChartPeriod = 'day' | 'week' | 'month';
export type ChartStack = 'user' | 'activityType' | 'workItem';

export interface ChartSeries { key: string; value: GroupValue; color: string; other: boolean }
export interface ChartBar { period: string; segments: { series: ChartSeries; seconds: number }[]; total: number }

/** A period that keeps the bars countable: days up to a month, weeks up to a quarter, else months. */
export function defaultPeriod(from: string, to: string): ChartPeriod {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return days <= 31 ? 'day' : days <= 92 ? 'week' : 'month';
}

/** Every period of the range, empty ones too, so that the axis shows time as it passed. */
export function periodsOf(period: ChartPeriod, from: string, to: string): string[] {
  const periods: string[] = [];
  if (period === 'month') {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) periods.push(month);
    return periods;
  }
  const step = period === 'week' ? 7 : 1;
  const first = period === 'week' ? mondayOf(new Date(`${from}T12:00:00`)) : from;
  for (let day = first; day <= to; day = addDays(day, step)) periods.push(day);
  return periods;
}

function nextMonth(month: string): string {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const MAX_NAMED_SERIES = SERIES_COLORS.length;

/** Bars per period, stacked by the second grouping; the largest series are named, the rest is "Other". */
export function chartBars(report: TimeReportView, period: ChartPeriod, stack: ChartStack) {
  const totals = new Map<GroupValue, number>();
  for (const row of report.rows) totals.set(valueOf(row, stack), (totals.get(valueOf(row, stack)) ?? 0) + row.length);
  const ranked = [...totals.entries()].filter(([, seconds]) => seconds > 0).sort((a, b) => b[1] - a[1]).map(([value]) => value);
  const overflow = ranked.length > MAX_NAMED_SERIES;
  const named = overflow ? ranked.slice(0, MAX_NAMED_SERIES - 1) : ranked;
  const series: ChartSeries[] = named.map((value, i) => ({ key: String(value), value, color: SERIES_COLORS[i]!, other: false }));
  const other: ChartSeries = { key: '__other', value: null, color: OTHER_COLOR, other: true };
  if (overflow) series.push(other);
  const seriesOf = (row: ReportRow) => series.find((s) => !s.other && s.value === valueOf(row, stack)) ?? other;

  const bars: ChartBar[] = periodsOf(period, report.from, report.to).map((p) => ({ period: p, segments: [], total: 0 }));
  const byPeriod = new Map(bars.map((bar) => [bar.period, bar]));
  for (const row of report.rows) {
    const bar = byPeriod.get(String(valueOf(row, period)));
    if (!bar || row.length === 0) continue;
    const s = seriesOf(row);
    const segment = bar.segments.find((seg) => seg.series === s);
    if (segment) segment.seconds += row.length;
    else bar.segments.push({ series: s, seconds: row.length });
    bar.total += row.length;
  }
  for (const bar of bars) bar.segments.sort((a, b) => series.indexOf(a.series) - series.indexOf(b.series));
  return { bars, series };
}

/** Round steps for the hour axis: at most about five lines. */
export function hourTicks(maxSeconds: number): number[] {
  const maxHours = Math.max(1, maxSeconds / 3600);
  const step = [1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].find((s) => maxHours / s <= 5) ?? Math.ceil(maxHours / 5);
  return Array.from({ length: Math.ceil(maxHours / step) + 1 }, (_, i) => i * step);
}
