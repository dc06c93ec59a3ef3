import { useId } from 'react';
import { formatCredits } from '../format';
import { Grid, ReferenceLines } from './axes';
import { FRAME, PLOT, type ReferenceLine } from './chart-frame';
import { DataTable } from './data-table';
import { niceAxis, yScale } from './scale';

/** The forecast drawn past the last known day: a dashed line and its low/high band. */
export interface Projection {
  fromIndex: number;
  fromValue: number;
  toIndex: number;
  value: number;
  low: number;
  high: number;
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

/** Cumulative use against the thresholds, with the projection to the reset. */
export function LineChart({
  title,
  summary,
  labels,
  values,
  lines = [],
  projection,
}: LineChartProps): React.JSX.Element {
  const id = useId();
  const known = values.filter((v): v is number => v !== null);
  const axis = niceAxis(Math.max(0, ...known, ...lines.map((l) => l.value), projection?.high ?? 0));
  const max = axis.top;
  const y = yScale(max, PLOT.top, PLOT.bottom);
  const step = PLOT.width / Math.max(1, labels.length - 1);
  const x = (i: number): number => PLOT.left + step * i;
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
  return (
    <figure className="chart" data-testid="line-chart">
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <Grid ticks={axis.ticks} y={y} labels={labels} x={x} />
        <ReferenceLines lines={lines} max={max} y={y} />
        {projection ? (
          <g className="chart-projection" data-testid="chart-projection">
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
