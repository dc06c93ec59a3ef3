import type { Provider } from '../types/ledger';

/** Where a workspace came from, as the snapshot's WorkspaceCard.source says it. */
type Source = 'sync' | 'ledger' | 'manual';

const SOURCE_SILENT: Record<Source, string> = {
  sync: 'the account API does not say which rules this plan is on',
  ledger: 'the ledger file does not say which rules this plan is on',
  manual: 'no rules version was given when it was added',
};

/**
 * "rules 2026-12-docs", or "the seed's rules (assumed)" for a workspace that names no catalog
 * version and is therefore read with its provider's first, the seed's: the card's subtitle and
 * `creditbar status` say it in these words.
 */
export function rulesLabel(provider: Provider, catalogVersion: string | null | undefined): string {
  if (catalogVersion) return `rules ${catalogVersion}`;
  return provider === 'custom' ? 'rules set by you' : "the seed's rules (assumed)";
}

/**
 * The compact mark beside a balance read with assumed rules, wherever that balance shows (the
 * overview's rows and cards, the tray's tooltip and menu): "rules assumed", its title the sentence
 * of rulesAssumption; null when the workspace's rules are known.
 */
export function rulesAssumedMark(
  provider: Provider,
  catalogVersion: string | null | undefined,
): string | null {
  return catalogVersion || provider === 'custom' ? null : 'rules assumed';
}

/**
 * The sentence that says a workspace's rules are an assumption (SPEC: a default that is an
 * assumption says so), or null when its source named them (or a custom provider has only one).
 */
export function rulesAssumption(
  provider: Provider,
  catalogVersion: string | null | undefined,
  source: Source,
): string | null {
  if (catalogVersion || provider === 'custom') return null;
  return `Priced and sized with the seed's rules, an assumption: ${SOURCE_SILENT[source]}.`;
}
