import type { TimeReportView } from '../../shared/api-types.js';
import { hoursLabel } from '../../shared/format.js';
import { chartBars, hourTicks, type ChartPeriod, type ChartStack } from './chart-series.js';
import { DIMENSION_NAMES, labelOf, periodTick, typeOf, workItemNamesOf } from './report-labels.js';
import type { ReportNames } from './report-names.js';

const W = 760;
const H = 230;
const M = { top: 12, right: 12, bottom: 44, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const AXIS_NAMES: Record<ChartPeriod, string> = { day: 'Day', week: 'Week (from Monday)', month: 'Month' };

/** Stacked bars in plain SVG: hours up, periods across, a <title> on each segment for its tooltip. */
export function ReportChartSvg({ report, period, stack, names }: { report: TimeReportView; period: ChartPeriod; stack: ChartStack; names: ReportNames | undefined }) {
  const { bars, series } = chartBars(report, period, stack);
  const ticks = hourTicks(Math.max(0, ...bars.map((bar) => bar.total)));
  const top = (ticks[ticks.length - 1] ?? 1) * 3600;
  const y = (seconds: number) => M.top + PLOT_H - (seconds / top) * PLOT_H;
  const band = PLOT_W / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.min(48, band * 0.7));
  const labelEvery = Math.ceil(bars.length / 12);
  const workItems = workItemNamesOf(report);
  const seriesName = (s: (typeof series)[number]) => (s.other ? 'Other' : labelOf(stack, s.value, names, workItems));

  return (
    <div className="th-chart" data-testid="report-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Hours per ${period}, by ${DIMENSION_NAMES[stack].toLowerCase()}`}>
        {ticks.map((hours) => (
          <g key={hours} className="th-chart-grid">
            <line x1={M.left} x2={W - M.right} y1={y(hours * 3600)} y2={y(hours * 3600)} />
            <text x={M.left - 6} y={y(hours * 3600)} dy="0.32em" textAnchor="end">{hours}</text>
          </g>
        ))}
        <text className="th-chart-axis-name" transform={`translate(14 ${M.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">Hours</text>
        <text className="th-chart-axis-name" x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle">{AXIS_NAMES[period]}</text>
        {bars.map((bar, i) => {
          const x = M.left + i * band + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={bar.period} data-testid="chart-bar" data-period={bar.period} data-seconds={bar.total}>
              {bar.segments.map((segment) => {
                // The first series sits on the axis, as the legend reads from the left.
                const bottom = y(base);
                base += segment.seconds;
                return (
                  <rect key={segment.series.key} data-testid="chart-segment" x={x} y={y(base)} width={barWidth} height={Math.max(0, bottom - y(base))} fill={segment.series.color}>
                    <title>{`${seriesName(segment.series)} · ${labelOf(period, bar.period, names)}: ${hoursLabel(segment.seconds)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text className="th-chart-tick" x={M.left + i * band + band / 2} y={M.top + PLOT_H + 16} textAnchor="middle">{periodTick(period, bar.period)}</text>
              )}
            </g>
          );
        })}
        <line className="th-chart-baseline" x1={M.left} x2={W - M.right} y1={M.top + PLOT_H} y2={M.top + PLOT_H} />
      </svg>
      <ul className="th-chart-legend" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key} data-testid="chart-legend-item">
            <span className="th-swatch" style={{ backgroundColor: s.color }} />
            {seriesName(s)}
            {!s.other && typeOf(stack, s.value, workItems) && <span className="th-work-item-type">{typeOf(stack, s.value, workItems)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
