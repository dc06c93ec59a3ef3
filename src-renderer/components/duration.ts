import { formatUnit } from './format';

type Unit = 'day' | 'hour' | 'minute' | 'second';

const UNITS: [Unit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** The two largest whole units of a duration (9 d 4 h, 4 h 12 min, 3 min 5 s), never negative. */
export function durationParts(ms: number): { value: number; unit: Unit }[] {
  let rest = Math.max(0, Math.floor(ms / 1000) * 1000);
  const first = UNITS.findIndex(([, size]) => rest >= size);
  if (first === -1) return [{ value: 0, unit: 'second' }];
  const parts: { value: number; unit: Unit }[] = [];
  for (const [unit, size] of UNITS.slice(first, first + 2)) {
    const value = Math.floor(rest / size);
    rest -= value * size;
    parts.push({ value, unit });
  }
  return parts;
}

/** "9d 4h" in the user's locale. */
export function formatDuration(ms: number): string {
  return durationParts(ms)
    .map((p) => formatUnit(p.value, p.unit))
    .join(' ');
}

/** How often a countdown of this length needs to redraw to stay exact to its smallest unit. */
export function tickInterval(ms: number): number {
  return ms < 86_400_000 ? 1000 : 60_000;
}
