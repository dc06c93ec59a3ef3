import { formatCreditsPhrase, formatWholeCredits } from '../../../src-shared/display/credits';
import { formatDuration } from '../../../src-shared/display/duration';
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

/** Whole credits with their noun: "1 credit", "1,200 credits". */
export function creditsPhrase(x: number): string {
  return formatCreditsPhrase(x, 'en-US', formatWholeCredits);
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

/** `9d 4h`, `4h 12m` for a number of seconds: the tray's and the cards' countdown (src-shared/display/duration). */
export function duration(seconds: number): string {
  return formatDuration(seconds * 1000, 'en-US', 'minute');
}
