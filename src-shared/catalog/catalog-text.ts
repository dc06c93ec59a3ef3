import { formatCredits } from '../display/credits';
import type { PoolKind, Provider } from '../types/ledger';
import {
  effectiveText,
  type Catalog,
  type CatalogPlan,
  type PlanReset,
  type ProviderCatalog,
  type RateSpec,
} from './catalog';

/** "the 1st of each month, 00:00 UTC", "day 15 of each month", "the billing day of each month", "every day at 00:00 UTC". */
export function describeReset(reset: PlanReset): string {
  switch (reset.kind) {
    case 'calendar-month':
      return 'the 1st of each month, 00:00 UTC';
    case 'anchor-day':
      return `day ${reset.day} of each month, 00:00 UTC (clamped to the month's last day)`;
    case 'billing-day':
      return 'the billing day of each month (the day the plan was bought), 00:00 UTC';
    case 'daily':
      return 'every day, 00:00 UTC';
  }
}

/** "5", "1-4 by units (assumption)". */
export function describeRate(spec: RateSpec): string {
  if (typeof spec === 'number') return formatCredits(spec);
  if (!spec.byUnits || spec.byUnits.length === 0) return formatCredits(spec.credits);
  const prices = spec.byUnits.map((b) => b.credits);
  const span = `${formatCredits(Math.min(...prices))}-${formatCredits(Math.max(...prices))} by size`;
  return spec.assumption ? `${span} (bands are an assumption)` : span;
}

/** A source of a version as one line: its title and where it is (URL, else the seed file). */
export function describeSource(v: ProviderCatalog, id: string | null | undefined): string {
  const source = id ? v.sources[id] : undefined;
  if (!source) return 'set by you';
  return `${source.title} (${source.url ?? source.file ?? 'no address'})`;
}

/** A version as `creditbar catalog --json` prints it: its numbers, their sources, and where it stands. */
export interface CatalogVersionJson extends ProviderCatalog {
  provider: Provider;
  providerLabel: string;
  effectiveText: string;
  seed: boolean;
  newest: boolean;
}

/** The versions of one provider (or every provider), oldest first, in the JSON shape. */
export function catalogVersionsJson(
  catalog: Catalog,
  provider?: Provider,
  versionId?: string,
): CatalogVersionJson[] {
  const out: CatalogVersionJson[] = [];
  for (const [name, entry] of Object.entries(catalog.providers) as [
    Provider,
    Catalog['providers'][Provider],
  ][]) {
    if (provider !== undefined && name !== provider) continue;
    entry.versions.forEach((v, i) => {
      if (versionId !== undefined && v.id !== versionId) return;
      out.push({
        ...v,
        provider: name,
        providerLabel: entry.label,
        effectiveText: effectiveText(v),
        seed: i === 0,
        newest: i === entry.versions.length - 1,
      });
    });
  }
  return out;
}

/** One pool of a plan: "10,000", or why there is no number (the lead then enters it). */
export function describeAllowance(plan: CatalogPlan, pool: PoolKind): string {
  const allowance = plan.pools[pool];
  if (typeof allowance === 'number') return formatCredits(allowance);
  if (allowance === null) return plan.unpublished ? 'not published: you enter it' : 'custom: you enter it';
  return '-';
}
