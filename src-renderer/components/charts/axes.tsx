import { formatCompact } from '../format';
import { FRAME, PLOT, type ReferenceLine } from './chart-frame';
import { labelIndexes } from './scale';

/** Y grid with values and the x labels, drawn under the data. */
export function Grid({ ticks, y, labels, x }: { ticks: number[]; y: (v: number) => number; labels: string[]; x: (i: number) => number }): React.JSX.Element {
  return (
    <g className="chart-axes" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} />
          <text className="chart-tick" x={PLOT.left - 4} y={y(t) + 3} textAnchor="end">
            {formatCompact(t)}
          </text>
        </g>
      ))}
      {labelIndexes(labels.length, 7).map((i) => (
        <text key={i} className="chart-tick" x={x(i)} y={FRAME.height - 8} textAnchor="middle">
          {labels[i]}
        </text>
      ))}
    </g>
  );
}

/** Label room in viewBox units: closer lines alternate their label to the other side. */
const LABEL_GAP = 14;

/** Where each reference line's label goes so that neighbours (90 % and 100 %) do not overprint. */
export function labelSides(ys: number[]): ('right' | 'left')[] {
  const sides: ('right' | 'left')[] = [];
  let lastRight = -Infinity;
  ys.forEach((y, i) => {
    const side = Math.abs(y - lastRight) < LABEL_GAP ? 'left' : 'right';
    if (side === 'right') lastRight = y;
    sides[i] = side;
  });
  return sides;
}

/** Dashed lines across the plot (thresholds), drawn over the data so they stay visible. */
export function ReferenceLines({ lines, max, y }: { lines: ReferenceLine[]; max: number; y: (v: number) => number }): React.JSX.Element {
  const shown = lines.filter((l) => l.value <= max).sort((a, b) => a.value - b.value);
  const sides = labelSides(shown.map((l) => y(l.value)));
  return (
    <g aria-hidden="true">
      {shown.map((l, i) => (
        <g key={l.label} className="chart-ref" data-testid="chart-threshold" data-value={l.value}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(l.value)} y2={y(l.value)} />
          <text x={sides[i] === 'right' ? PLOT.right - 2 : PLOT.left + 3} y={y(l.value) - 3} textAnchor={sides[i] === 'right' ? 'end' : 'start'}>
            {l.label}
          </text>
        </g>
      ))}
    </g>
  );
}
