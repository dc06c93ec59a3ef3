import type { Millis } from '../time/instant';

// YYYY-MM-DD, then optionally T or a space, HH:MM, :SS, .fraction, and a zone (Z, ±HH, ±HHMM, ±HH:MM).
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An instant from a spreadsheet cell: ISO 8601 (`2026-11-03T10:00:00Z`, `2026-11-03T12:00+02:00`)
 * or `YYYY-MM-DD HH:MM[:SS]`, read as UTC unless the cell gives an offset; a bare date is its
 * midnight UTC. Anything else (another order of day and month, a month that has no such day) is
 * NaN: guessing `03/11/2026` would put events in the wrong month.
 */
export function parseCsvInstant(text: string): Millis {
  const m = PATTERN.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Usage from before 1970 is a typo (and Date.UTC maps years under 100 to the 1900s).
  if (year < 1970) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offset = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}
