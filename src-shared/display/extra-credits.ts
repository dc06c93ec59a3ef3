import type { Grant, GrantKind, PoolKind } from '../types/ledger';
import { parseInstant } from '../time/instant';
import { formatCredits } from './credits';

/** What the grants of a period are, for wording the credits they add: bonus, top-up, adjustment. */
export type GrantFacts = Pick<Grant, 'pool' | 'kind' | 'credits' | 'grantedAt' | 'expiresAt'>;

const ORDER: readonly GrantKind[] = ['bonus', 'top-up', 'adjustment'];

/**
 * The kinds of the grants that can hold credits in a pool's period as seen at asOf: granted by
 * asOf and before the period ends, not expired when it starts (a top-up bought last month still
 * counts), and adding credits (an adjustment that takes some away adds nothing to word).
 */
export function grantKindsOf(
  grants: readonly GrantFacts[],
  pool: PoolKind,
  period: { start: number; end: number; asOf: number },
): GrantKind[] {
  const kinds = new Set<GrantKind>();
  for (const g of grants) {
    if (g.pool !== pool || g.credits <= 0) continue;
    const at = parseInstant(g.grantedAt);
    if (at > period.asOf || at >= period.end) continue;
    if (g.expiresAt && parseInstant(g.expiresAt) <= period.start) continue;
    kinds.add(g.kind);
  }
  return ORDER.filter((k) => kinds.has(k));
}

const KIND_WORD: Record<GrantKind, string> = { bonus: 'bonus', 'top-up': 'top-up', adjustment: 'adjustment' };

/**
 * The credits a pool holds beyond its plan, worded by the kinds of grants behind them, the same on
 * the card and in the CLI: "includes 40 bonus credits", "includes 500 top-up credits", "includes
 * 540 bonus and top-up credits"; "extra" when no grant says (a carried balance of older data).
 */
export function extraCreditsText(
  extra: number,
  kinds: readonly GrantKind[],
  locale: string | readonly string[] = 'en-US',
): string | null {
  if (!(extra > 0)) return null;
  const words = kinds.map((k) => KIND_WORD[k]);
  const what =
    words.length === 0
      ? 'extra'
      : words.length === 1
        ? words[0]!
        : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
  return `includes ${formatCredits(extra, locale)} ${what} credits`;
}
