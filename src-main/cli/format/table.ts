import { formatWholeCredits } from '../../../src-shared/display/credits';
import { formatPercentUsed } from '../../../src-shared/display/percent';
/** Formats rows as a plain-text table: text columns left-aligned, numbers right-aligned. */
export function table(headers: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Whole credits with thousands separators: a terminal table is read at a glance (JSON keeps the decimals). */
export function credits(x: number): string {
  return formatWholeCredits(x);
}

/** Percent used by the one rule of every surface (rounded down to a tenth): "49.9%". */
export function percentUsed(x: number): string {
  return formatPercentUsed(x);
}

/** The last day of a period whose end is exclusive: `2026-11-30` for [Nov 1, Dec 1). */
export function lastDay(periodEnd: string): string {
  return new Date(Date.parse(periodEnd) - 1).toISOString().slice(0, 10);
}

/** `2026-11-18 14:03` from an ISO instant. */
export function shortInstant(iso: string | null): string {
  return iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `9 d 4 h` for a number of seconds. */
export function duration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  if (days > 0) return `${days} d ${hours} h`;
  const minutes = Math.floor((seconds % 3_600) / 60);
  return `${hours} h ${minutes} min`;
}
