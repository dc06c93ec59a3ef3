/** Axis arithmetic for the SVG charts: pure, so it is unit-tested without a DOM. */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above x; 1 for nothing. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= x - power * 1e-9) return step * power;
  }
  return 10 * power;
}

/** A round axis for values up to `max`: about `count` steps of a nice size, and the top it reaches. */
export function niceAxis(max: number, count = 4): { top: number; ticks: number[] } {
  const step = niceCeil(max / count);
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
  return { top: ticks[ticks.length - 1]!, ticks };
}

/** Maps [0, max] onto [bottom, top] (SVG y grows downwards). */
export function yScale(max: number, top: number, bottom: number): (v: number) => number {
  const span = max > 0 ? max : 1;
  return (v) => bottom - (Math.max(0, v) / span) * (bottom - top);
}

/** Which x labels to print so that at most `room` of them show, always the first and the last. */
export function labelIndexes(count: number, room: number): number[] {
  if (count <= 0) return [];
  if (count <= room) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (room - 1));
  const out: number[] = [];
  for (let i = 0; i < count - 1; i += step) out.push(i);
  if (count - 1 - (out[out.length - 1] ?? 0) < step / 2) out.pop();
  out.push(count - 1);
  return out;
}

/** An 11 px label's width, estimated (the widest digits and capitals run ~6.5 px). */
const CHAR_WIDTH = 6.5;

/**
 * Where an x label is drawn: centred under its point, or held inside the frame at either edge
 * (anchored at its start or end) where centring would cut it off ("Dec 3" for "Dec 31").
 */
export function xLabelPlacement(
  x: number,
  text: string,
  width: number,
): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const half = (text.length * CHAR_WIDTH) / 2;
  if (x + half > width) return { x: width - 1, anchor: 'end' };
  if (x - half < 0) return { x: 1, anchor: 'start' };
  return { x, anchor: 'middle' };
}

/**
 * A label beside a point inside a chart `width` wide: after it (anchored at its start) where it
 * fits, else before it (anchored at its end), so it never runs past either edge of the chart.
 */
export function besideLabelPlacement(
  x: number,
  text: string,
  width: number,
  gap = 6,
): { x: number; anchor: 'start' | 'end' } {
  const w = text.length * CHAR_WIDTH;
  if (x + gap + w <= width - 1) return { x: x + gap, anchor: 'start' };
  if (x - gap - w >= 1) return { x: x - gap, anchor: 'end' };
  return { x: width - 1, anchor: 'end' };
}

/** The space left and right of a placed label, in the same units. */
function extent(at: ReturnType<typeof xLabelPlacement>, text: string): [number, number] {
  const w = text.length * CHAR_WIDTH;
  if (at.anchor === 'end') return [at.x - w, at.x];
  if (at.anchor === 'start') return [at.x, at.x + w];
  return [at.x - w / 2, at.x + w / 2];
}

/** Gap kept between two x labels, in CSS pixels. */
const LABEL_SPACE = 4;

/**
 * The x labels a chart prints and where: at most `room` (first and last always), kept inside the
 * frame, and the regular one before the last dropped when the two would print over each other
 * ("Dec 29Dec 31": a 31-day month in a ~520 px plot puts them 35 px apart).
 */
export function placeXLabels(
  labels: readonly string[],
  room: number,
  x: (i: number) => number,
  width: number,
): { index: number; x: number; anchor: 'start' | 'middle' | 'end' }[] {
  const placed = labelIndexes(labels.length, room).map((index) => ({
    index,
    ...xLabelPlacement(x(index), labels[index]!, width),
  }));
  if (placed.length > 2) {
    const last = placed[placed.length - 1]!;
    const before = placed[placed.length - 2]!;
    const [, beforeEnd] = extent(before, labels[before.index]!);
    const [lastStart] = extent(last, labels[last.index]!);
    if (lastStart - beforeEnd < LABEL_SPACE) placed.splice(placed.length - 2, 1);
  }
  return placed;
}
