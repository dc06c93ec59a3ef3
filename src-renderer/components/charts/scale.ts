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
