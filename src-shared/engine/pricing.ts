import { providerVersion, type Catalog, type RateSpec } from '../catalog/catalog';
import type { Provider, RateCard } from '../types/ledger';
import { parseInstant, type Millis } from '../time/instant';

/** What the rate card says one call costs; `known` is false when no card lists the action. */
export interface Price {
  credits: number;
  known: boolean;
}

/** Prices events of one workspace by the card in force when each happened. */
export type Pricer = (action: string, units: number | undefined, occurredAt: Millis) => Price;

/** What an action the rate card does not know costs: it is priced, flagged, never dropped. */
export const UNKNOWN_ACTION_CREDITS = 1;

const WILDCARD_SUFFIX = ':*';

/** A card's rate under `existingCustomer:<action>` prices the action for existing customers. */
export const EXISTING_CUSTOMER_PREFIX = 'existingCustomer:';

interface CardLayer {
  effectiveFrom: Millis;
  rates: Readonly<Record<string, RateSpec>>;
}

function specFor(rates: Readonly<Record<string, RateSpec>>, action: string): RateSpec | undefined {
  const exact = rates[action];
  if (exact !== undefined) return exact;
  const colon = action.indexOf(':');
  return colon > 0 ? rates[action.slice(0, colon) + WILDCARD_SUFFIX] : undefined;
}

function creditsOf(spec: RateSpec, units: number | undefined): number {
  if (typeof spec === 'number') return spec;
  if (units === undefined || !spec.byUnits) return spec.credits;
  for (const band of spec.byUnits) if (band.upTo === null || units <= band.upTo) return band.credits;
  return spec.credits;
}

/**
 * Builds the pricer for one workspace. The card of the workspace's catalog version applies from the beginning of time; each
 * newer card from the ledger (effectiveFrom ≤ occurredAt) overrides only the actions it lists, the
 * newest winning. The existing-customer exemption is a platform rule, not a price: a card that
 * re-prices `integration:slack` does not end it. Only a card that prices the action for existing
 * customers (`existingCustomer:integration:slack`) does, from its date.
 */
export function createPricer(
  catalog: Catalog,
  provider: Provider,
  existingCustomer: boolean,
  rateCards: readonly RateCard[] = [],
  catalogVersion?: string,
): Pricer {
  const entry = providerVersion(catalog, provider, catalogVersion);
  const layers: CardLayer[] = rateCards
    .filter((card) => card.provider === provider)
    .map((card) => ({ effectiveFrom: parseInstant(card.effectiveFrom), rates: card.rates }))
    .sort((a, b) => b.effectiveFrom - a.effectiveFrom);
  layers.push({ effectiveFrom: Number.NEGATIVE_INFINITY, rates: entry.rates });
  const free = new Set(existingCustomer ? entry.freeForExistingCustomers : []);

  // Per action, the layers that list it, newest first: pricing a call is then one short scan.
  const byAction = new Map<string, { effectiveFrom: Millis; spec: RateSpec }[]>();
  const layersFor = (action: string) => {
    let list = byAction.get(action);
    if (!list) {
      list = [];
      for (const layer of layers) {
        const spec = specFor(layer.rates, action);
        if (spec !== undefined) list.push({ effectiveFrom: layer.effectiveFrom, spec });
      }
      byAction.set(action, list);
    }
    return list;
  };

  // Keyed by the plain action, so an event costs one lookup here, not a string built per call.
  const byExistingAction = new Map<string, { effectiveFrom: Millis; spec: RateSpec }[]>();
  const existingLayersFor = (action: string) => {
    let list = byExistingAction.get(action);
    if (!list) {
      list = layersFor(EXISTING_CUSTOMER_PREFIX + action);
      byExistingAction.set(action, list);
    }
    return list;
  };

  return (action, units, occurredAt) => {
    if (existingCustomer) {
      for (const { effectiveFrom, spec } of existingLayersFor(action)) {
        if (effectiveFrom <= occurredAt) return { credits: creditsOf(spec, units), known: true };
      }
      if (free.has(action)) return { credits: 0, known: true };
    }
    for (const { effectiveFrom, spec } of layersFor(action)) {
      if (effectiveFrom <= occurredAt) return { credits: creditsOf(spec, units), known: true };
    }
    return { credits: UNKNOWN_ACTION_CREDITS, known: false };
  };
}
