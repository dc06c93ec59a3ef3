import { formatCompact } from '../format';
import { chartPlot, labelRoom, type ChartFrame, type ReferenceLine } from './chart-frame';
import { placeXLabels } from './scale';

/** Y grid with values and the x labels, drawn under the data. */
export function Grid({
  frame,
  ticks,
  y,
  labels,
  x,
}: {
  frame: ChartFrame;
  ticks: number[];
  y: (v: number) => number;
  labels: string[];
  x: (i: number) => number;
}): React.JSX.Element {
  const PLOT = chartPlot(frame);
  return (
    <g className="chart-axes" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} />
          <text className="chart-tick" x={PLOT.left - 4} y={y(t) + 4} textAnchor="end">
            {formatCompact(t)}
          </text>
        </g>
      ))}
      {placeXLabels(labels, labelRoom(PLOT), x, frame.width).map((at) => (
        <text
          key={at.index}
          className="chart-tick chart-x-label"
          x={at.x}
          y={frame.height - 7}
          textAnchor={at.anchor}
        >
          {labels[at.index]}
        </text>
      ))}
    </g>
  );
}

/** Label room (CSS pixels, the labels are 11 px): lines closer than this share one label. */
const LABEL_GAP = 13;

/**
 * Groups reference lines (given by their y, in ascending value, so descending y) whose labels would
 * overprint, e.g. 90 % and 100 % of a small pool: each group gets one label, "90% · 100%".
 */
export function labelGroups(ys: number[]): number[][] {
  const groups: number[][] = [];
  let anchor = Infinity;
  ys.forEach((y, i) => {
    const current = groups[groups.length - 1];
    if (current && Math.abs(anchor - y) < LABEL_GAP) current.push(i);
    else {
      groups.push([i]);
      anchor = y;
    }
  });
  return groups;
}

/** Dashed lines across the plot (thresholds), drawn over the data so they stay visible. */
export function ReferenceLines({
  frame,
  lines,
  max,
  y,
}: {
  frame: ChartFrame;
  lines: ReferenceLine[];
  max: number;
  y: (v: number) => number;
}): React.JSX.Element {
  const PLOT = chartPlot(frame);
  const shown = lines.filter((l) => l.value <= max).sort((a, b) => a.value - b.value);
  const groups = labelGroups(shown.map((l) => y(l.value)));
  return (
    <g aria-hidden="true">
      {shown.map((l) => (
        <g key={l.label} className="chart-ref" data-testid="chart-threshold" data-value={l.value}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(l.value)} y2={y(l.value)} />
        </g>
      ))}
      {groups.map((g) => {
        const top = shown[g[g.length - 1]!]!;
        return (
          <text
            key={top.label}
            className="chart-ref-label"
            x={PLOT.right - 2}
            y={y(top.value) - 3}
            textAnchor="end"
          >
            {g.map((i) => shown[i]!.label).join(' · ')}
          </text>
        );
      })}
    </g>
  );
}
