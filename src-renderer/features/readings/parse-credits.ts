import { parseCreditsText } from '../../../src-shared/display/credits';
import { MAX_CREDITS } from '../../../src-shared/types/ledger';

/**
 * Credits typed as a usage page shows them: "4200", "4,200", "4 200", "4200.5". Null for anything
 * else (a negative number, words): the field says what it expects instead of guessing.
 */
export function parseCreditsInput(text: string): number | null {
  const n = parseCreditsText(text);
  return n !== null && n <= MAX_CREDITS ? n : null;
}

/** `2026-12-03T09:00` from a datetime-local field (the user's own clock) as an ISO instant, or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** An instant as a datetime-local field's value, on the user's own clock. */
export function isoToLocalInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
