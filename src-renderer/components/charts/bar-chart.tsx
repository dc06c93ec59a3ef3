import { useId } from 'react';
import { formatCredits } from '../format';
import { Grid, ReferenceLines } from './axes';
import { chartFrame, chartPlot, useChartWidth, type ReferenceLine } from './chart-frame';
import { DataTable } from './data-table';
import { niceAxis, yScale } from './scale';

export interface BarSeries {
  name: string;
  /** One value per label; null where there is no data (e.g. days of a shorter month). */
  values: (number | null)[];
}

export interface BarChartProps {
  /** The chart's accessible name and caption. */
  title: string;
  /** One-sentence summary read before the data, e.g. the total and the busiest day. */
  summary: string;
  labels: string[];
  /** One series, or two side by side for a comparison. */
  series: BarSeries[];
  lines?: ReferenceLine[];
  /** Index of a bar to highlight (today). */
  highlight?: number;
}

/**
 * Daily bars as SVG: a month is at most 31 bars, so a few rects beat a chart library, follow the
 * theme's CSS variables, and stay readable by screen readers (titles plus a data table).
 */
export function BarChart({
  title,
  summary,
  labels,
  series,
  lines = [],
  highlight,
}: BarChartProps): React.JSX.Element {
  const id = useId();
  const [ref, width] = useChartWidth();
  const FRAME = chartFrame(width);
  const PLOT = chartPlot(FRAME);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const axis = niceAxis(Math.max(0, ...all, ...lines.map((l) => l.value)));
  const max = axis.top;
  const y = yScale(max, PLOT.top, PLOT.bottom);
  const slot = PLOT.width / Math.max(1, labels.length);
  const x = (i: number): number => PLOT.left + slot * (i + 0.5);
  const barWidth = Math.max(1, (slot * 0.72) / series.length);
  return (
    <figure className="chart" data-testid="bar-chart" ref={ref}>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <Grid frame={FRAME} ticks={axis.ticks} y={y} labels={labels} x={x} />
        {series.map((s, si) =>
          s.values.map((v, i) =>
            v === null ? null : (
              <rect
                key={`${si}-${i}`}
                className={`chart-bar series-${si}${highlight === i ? ' highlight' : ''}`}
                x={x(i) - (barWidth * series.length) / 2 + si * barWidth}
                y={y(v)}
                width={barWidth}
                height={Math.max(0, PLOT.bottom - y(v))}
              >
                <title>{`${s.name}, ${labels[i]}: ${formatCredits(v)} credits`}</title>
              </rect>
            ),
          ),
        )}
        <ReferenceLines frame={FRAME} lines={lines} max={max} y={y} />
      </svg>
      <figcaption>
        {title}
        {series.length > 1 ? (
          <span className="chart-legend">
            {series.map((s, si) => (
              <span key={s.name} className={`legend-item series-${si}`}>
                {s.name}
              </span>
            ))}
          </span>
        ) : null}
      </figcaption>
      <DataTable
        caption={title}
        columns={['Day', ...series.map((s) => s.name)]}
        rows={labels.map((l, i) => [
          l,
          ...series.map((s) => (s.values[i] === null ? '–' : formatCredits(s.values[i] ?? 0))),
        ])}
      />
    </figure>
  );
}
