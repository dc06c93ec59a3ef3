import { describe, expect, test } from 'vitest';
import type { RateCard, UsageEvent, Workspace } from '../../../../src-shared/types/ledger';
import { event, ledger, pool, poolAt, workspace } from '../helpers/ledger-builders';

/** Zite Team: 1,000,000 credits, so no price here is ever blocked. */
const zite = (existingCustomer?: boolean): Workspace =>
  workspace({
    provider: 'zite',
    plan: 'team',
    pools: undefined,
    ...(existingCustomer ? { existingCustomer } : {}),
  });
const base44 = (existingCustomer?: boolean): Workspace =>
  workspace({
    provider: 'base44',
    plan: 'builder',
    pools: [{ pool: 'integration', allowance: 10_000 }],
    ...(existingCustomer ? { existingCustomer } : {}),
  });

const AS_OF = '2026-03-31T00:00:00Z';

/** What one call of `action` costs, as the pool's `used` and `unknownActions` show it. */
function priceOf(
  ws: Workspace,
  over: Partial<UsageEvent> & { action: string },
  rateCards?: RateCard[],
  at = '2026-03-10T00:00:00Z',
) {
  const p = poolAt(
    ledger({
      workspaces: [ws],
      events: [event({ occurredAt: at, ...over })],
      ...(rateCards ? { rateCards } : {}),
    }),
    AS_OF,
  );
  return { used: p.used, unknown: p.unknownActions };
}

describe('the built-in Zite card (seed)', () => {
  test.each<[string, boolean, number]>([
    ['email', false, 5],
    ['document', false, 10],
    ['db', false, 0],
    ['integration:twilio', false, 1],
    ['integration:hubspot', false, 1],
    ['integration:google_drive', false, 1],
    ['integration:airtable', false, 1],
    ['integration:google_sheets', false, 1],
    ['integration:slack', false, 1],
    ['integration:airtable', true, 0],
    ['integration:google_sheets', true, 0],
    ['integration:slack', true, 0],
    ['integration:twilio', true, 1],
    ['email', true, 5],
    ['db', true, 0],
  ])('%s (existing customer: %s) costs %i', (action, existing, credits) => {
    expect(priceOf(zite(existing), { action })).toEqual({ used: credits, unknown: [] });
  });
});

describe('the built-in Base44 card (seed)', () => {
  test.each<[string, number]>([
    ['llm', 1], // no units: a simple call
    ['file', 1],
    ['pdf', 2], // no units: the low end of 2-4
    ['external_api', 1],
    ['backend_function', 0],
    ['integration:stripe', 1],
  ])('%s costs %i', (action, credits) => {
    expect(priceOf(base44(), { action })).toEqual({ used: credits, unknown: [] });
  });

  test('the existing-customer exemption is Zite’s: Base44 still charges Airtable', () => {
    expect(priceOf(base44(true), { action: 'integration:airtable' })).toEqual({ used: 1, unknown: [] });
  });
});

describe('an action no card knows', () => {
  test.each<[string, Workspace, string]>([
    ['Zite', zite(), 'fax'],
    ['Base44 (email is a Zite action)', base44(), 'email'],
    ['custom (empty built-in card)', workspace(), 'integration:twilio'],
  ])('%s: costs 1 and is listed in unknownActions', (_name, ws, action) => {
    expect(priceOf(ws, { action })).toEqual({ used: 1, unknown: [action] });
  });

  test('is listed once however many calls used it, and every call is charged', () => {
    const events = ['03-02', '03-03', '03-04'].map((d) =>
      event({ occurredAt: `2026-${d}T00:00:00Z`, action: 'fax' }),
    );
    const p = poolAt(ledger({ workspaces: [zite()], events }), AS_OF);
    expect(p).toMatchObject({ used: 3, unknownActions: ['fax'], byAction: { fax: 3 } });
  });
});

describe('the provider’s own credits win', () => {
  test.each<[string, Workspace, string, number]>([
    ['below the card price', zite(), 'email', 2],
    ['above the card price', base44(), 'llm', 4],
    ['zero for a priced action', zite(), 'document', 0],
    ['on a free action', zite(true), 'integration:slack', 3],
  ])('%s', (_name, ws, action, credits) => {
    expect(priceOf(ws, { action, credits })).toEqual({ used: credits, unknown: [] });
  });

  test('an unknown action with provider credits is charged those credits and not flagged', () => {
    expect(priceOf(zite(), { action: 'fax', credits: 3 })).toEqual({ used: 3, unknown: [] });
  });

  test('and win over a newer ledger rate card', () => {
    const cards: RateCard[] = [
      { provider: 'zite', effectiveFrom: '2026-01-01T00:00:00Z', rates: { email: 1 } },
    ];
    expect(priceOf(zite(), { action: 'email', credits: 7 }, cards)).toEqual({ used: 7, unknown: [] });
  });
});

describe('ledger rate cards', () => {
  const june: RateCard = {
    provider: 'zite',
    effectiveFrom: '2026-06-01T00:00:00Z',
    rates: { email: 1, sms: 3 },
  };
  const september: RateCard = {
    provider: 'zite',
    effectiveFrom: '2026-09-01T00:00:00Z',
    rates: { document: 12 },
  };
  const december: RateCard = { provider: 'zite', effectiveFrom: '2026-12-01T00:00:00Z', rates: { email: 2 } };
  // Listed out of order on purpose: the effective date decides, not the position in the file.
  const cards = [december, june, september];

  test.each<[string, string, string, number, string[]]>([
    ['the second before the first card', 'email', '2026-05-31T23:59:59Z', 5, []],
    ['at the first card’s effectiveFrom', 'email', '2026-06-01T00:00:00Z', 1, []],
    ['under the June card, which does not list it', 'document', '2026-07-10T00:00:00Z', 10, []],
    ['under the June card, which does not list it', 'integration:twilio', '2026-07-10T00:00:00Z', 1, []],
    ['under the September card', 'document', '2026-10-10T00:00:00Z', 12, []],
    [
      'under the September card, which does not list it: June’s price',
      'email',
      '2026-10-10T00:00:00Z',
      1,
      [],
    ],
    ['under the December card, the newest', 'email', '2026-12-10T00:00:00Z', 2, []],
    [
      'under the December card, which does not list it: September’s price',
      'document',
      '2026-12-10T00:00:00Z',
      12,
      [],
    ],
    ['before any card lists it', 'sms', '2026-05-10T00:00:00Z', 1, ['sms']],
    ['once the June card lists it', 'sms', '2026-07-10T00:00:00Z', 3, []],
  ])('%s: %s at %s costs %i', (_name, action, at, credits, unknown) => {
    const p = poolAt(
      ledger({ workspaces: [zite()], events: [event({ occurredAt: at, action })], rateCards: cards }),
      at,
    );
    expect({ used: p.used, unknown: p.unknownActions }).toEqual({ used: credits, unknown });
  });

  test('a card of another provider does not reprice the workspace', () => {
    const cards: RateCard[] = [
      { provider: 'base44', effectiveFrom: '2026-01-01T00:00:00Z', rates: { email: 1 } },
    ];
    expect(priceOf(zite(), { action: 'email' }, cards)).toEqual({ used: 5, unknown: [] });
  });

  test('a card gives a custom provider its prices', () => {
    const cards: RateCard[] = [
      { provider: 'custom', effectiveFrom: '2000-01-01T00:00:00Z', rates: { api: 2, 'integration:*': 3 } },
    ];
    expect(priceOf(workspace(), { action: 'api' }, cards)).toEqual({ used: 2, unknown: [] });
    expect(priceOf(workspace(), { action: 'integration:twilio' }, cards)).toEqual({ used: 3, unknown: [] });
  });

  test('events of one month straddling a card are each priced by the card in force when they happened', () => {
    // 3 emails before June (3 × 5 = 15) and 4 after (4 × 1 = 4): 19.
    const at = ['05-29', '05-30', '05-31', '06-01', '06-02', '06-03', '06-04'];
    const events = at.map((d) => event({ occurredAt: `2026-${d}T09:00:00Z`, action: 'email' }));
    // Anchor 15: one period [May 15, Jun 15) holds all seven.
    const ws = workspace({
      provider: 'zite',
      plan: 'free',
      pools: pool(1000, { kind: 'anchor-day', day: 15 }),
    });
    expect(poolAt(ledger({ workspaces: [ws], events, rateCards: [june] }), '2026-06-05T00:00:00Z').used).toBe(
      19,
    );
  });
});
