import { useId } from 'react';
import { formatCredits, formatWholeCredits } from '../format';
import { Grid, ReferenceLines } from './axes';
import {
  chartFrame,
  chartPlot,
  useChartWidth,
  type ChartFrame,
  type ChartPlot,
  type ReferenceLine,
} from './chart-frame';
import { DataTable } from './data-table';
import { besideLabelPlacement, niceAxis, yScale } from './scale';

/** The forecast drawn past the last known day: a dashed line and its low/high band. */
export interface Projection {
  fromIndex: number;
  fromValue: number;
  toIndex: number;
  value: number;
  low: number;
  high: number;
  /** Where the projection reaches what the pool holds (it runs dry there), and the label that says when. */
  crossing?: { value: number; label: string };
}

/**
 * How far above what is known (use so far, the thresholds) the y-axis may reach for a projection:
 * a forecast many times the pool would squash the line and the threshold labels into the bottom
 * strip, so past this the projection is clipped at the top with a labelled arrow.
 */
export const PROJECTION_ROOM = 1.5;

/** Where a dashed projection leaves the plot at its top, and what it reaches by the reset. */
export interface ProjectionClip {
  x: number;
  value: number;
}

/**
 * The y-axis of a cumulative chart: up to the projection's high end, but at most PROJECTION_ROOM times
 * the largest known value (the pool's size included); and where the projection's line crosses that
 * top, if it does.
 */
export function lineChartAxis(
  known: readonly number[],
  lines: readonly ReferenceLine[],
  projection: Projection | null | undefined,
): { top: number; ticks: number[]; clipFraction: number | null } {
  // What the pool holds is always on the axis, so where the projection crosses it is on the chart.
  const dataMax = Math.max(0, ...known, ...lines.map((l) => l.value), projection?.crossing?.value ?? 0);
  const wanted = Math.max(dataMax, projection?.high ?? 0);
  const axis = niceAxis(dataMax > 0 ? Math.min(wanted, dataMax * PROJECTION_ROOM) : wanted);
  if (!projection || projection.value <= axis.top || projection.value <= projection.fromValue)
    return { ...axis, clipFraction: null };
  return {
    ...axis,
    clipFraction: (axis.top - projection.fromValue) / (projection.value - projection.fromValue),
  };
}

export interface LineChartProps {
  title: string;
  summary: string;
  labels: string[];
  /** Running total per label; null for days still to come. */
  values: (number | null)[];
  lines?: ReferenceLine[];
  projection?: Projection | null;
}

/** An arrow where the projection leaves the top of the plot, with what it reaches by the reset in whole credits. */
function ClippedMark({
  frame,
  plot: PLOT,
  x,
  value,
}: {
  frame: ChartFrame;
  plot: ChartPlot;
  x: number;
  value: number;
}): React.JSX.Element {
  const text = `${formatWholeCredits(value)} by the reset`;
  const at = besideLabelPlacement(x, text, frame.width);
  return (
    <g className="chart-clip" data-testid="chart-clipped" data-value={value} aria-hidden="true">
      <path d={`M${x - 4},${PLOT.top + 6} L${x},${PLOT.top} L${x + 4},${PLOT.top + 6}`} />
      <text x={at.x} y={PLOT.top + 8} textAnchor={at.anchor}>
        {text}
      </text>
    </g>
  );
}

/** Where the projection crosses the pool's size: a dot on that line and when it runs dry, inside the plot. */
function CrossingMark({
  frame,
  x,
  y,
  label,
}: {
  frame: ChartFrame;
  x: number;
  y: number;
  label: string;
}): React.JSX.Element {
  const at = besideLabelPlacement(x, label, frame.width);
  return (
    <g className="chart-crossing" data-testid="chart-crossing" data-x={x} data-y={y} aria-hidden="true">
      <circle cx={x} cy={y} r={3.5} />
      {/* Below the line: the threshold labels sit above it at the right. */}
      <text x={at.x} y={y + 14} textAnchor={at.anchor}>
        {label}
      </text>
    </g>
  );
}

/**
 * Where on the dashed line the projection reaches `value`, as a fraction of the way from its start
 * to the reset; null when it does not within the period.
 */
export function crossingFraction(projection: Projection, value: number): number | null {
  const rise = projection.value - projection.fromValue;
  if (!(rise > 0) || value <= projection.fromValue || value > projection.value) return null;
  return (value - projection.fromValue) / rise;
}

/** Cumulative use against the thresholds, with the projection to the reset (clipped when far above). */
export function LineChart({
  title,
  summary,
  labels,
  values,
  lines = [],
  projection,
}: LineChartProps): React.JSX.Element {
  const id = useId();
  const clipId = `${id.replace(/[^\w-]/g, '')}-plot`;
  const [ref, width] = useChartWidth();
  const FRAME = chartFrame(width);
  const PLOT = chartPlot(FRAME);
  const known = values.filter((v): v is number => v !== null);
  const axis = lineChartAxis(known, lines, projection);
  const crossing = projection?.crossing ? crossingFraction(projection, projection.crossing.value) : null;
  const max = axis.top;
  const y = yScale(max, PLOT.top, PLOT.bottom);
  const step = PLOT.width / Math.max(1, labels.length - 1);
  const x = (i: number): number => PLOT.left + step * i;
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
  return (
    <figure className="chart" data-testid="line-chart" ref={ref}>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <Grid frame={FRAME} ticks={axis.ticks} y={y} labels={labels} x={x} />
        <ReferenceLines frame={FRAME} lines={lines} max={max} y={y} />
        <clipPath id={clipId}>
          <rect x={PLOT.left} y={PLOT.top} width={PLOT.width} height={PLOT.bottom - PLOT.top} />
        </clipPath>
        {projection ? (
          <g className="chart-projection" data-testid="chart-projection" clipPath={`url(#${clipId})`}>
            <polygon
              className="chart-band"
              points={[
                `${x(projection.fromIndex)},${y(projection.fromValue)}`,
                `${x(projection.toIndex)},${y(projection.high)}`,
                `${x(projection.toIndex)},${y(projection.low)}`,
              ].join(' ')}
            />
            <line
              x1={x(projection.fromIndex)}
              y1={y(projection.fromValue)}
              x2={x(projection.toIndex)}
              y2={y(projection.value)}
            />
          </g>
        ) : null}
        {projection?.crossing && crossing !== null ? (
          <CrossingMark
            frame={FRAME}
            x={x(projection.fromIndex) + crossing * (x(projection.toIndex) - x(projection.fromIndex))}
            y={y(projection.crossing.value)}
            label={projection.crossing.label}
          />
        ) : null}
        {projection && axis.clipFraction !== null ? (
          <ClippedMark
            frame={FRAME}
            plot={PLOT}
            x={
              x(projection.fromIndex) + axis.clipFraction * (x(projection.toIndex) - x(projection.fromIndex))
            }
            value={projection.value}
          />
        ) : null}
        {points.length > 1 ? <polyline className="chart-line" points={points.join(' ')} /> : null}
      </svg>
      <figcaption>{title}</figcaption>
      <DataTable
        caption={title}
        columns={['Day', 'Used so far']}
        rows={labels.flatMap((l, i) => (values[i] === null ? [] : [[l, formatCredits(values[i] ?? 0)]]))}
      />
    </figure>
  );
}
