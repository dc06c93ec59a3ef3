import { describe, expect, test } from 'vitest';
import { builtinCatalog, catalogAllowance, mergeCatalog } from '../../../../src-shared/catalog/catalog';
import { evaluate, event, ledger, poolAt, workspace } from '../helpers/ledger-builders';

describe('Zite plans from the seed: one integration pool, calendar-month reset', () => {
  test.each<[string, number]>([
    ['free', 1000],
    ['pro', 50_000],
    ['business', 250_000],
    ['team', 1_000_000],
  ])('%s: %i credits a month', (plan, allowance) => {
    expect(catalogAllowance(builtinCatalog, 'zite', plan, 'integration')).toBe(allowance);
    // A workspace without pools gets exactly that pool.
    const l = ledger({ workspaces: [workspace({ provider: 'zite', plan, pools: undefined })] });
    const pools = evaluate(l, '2026-03-10T15:00:00Z').pools;
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      pool: 'integration',
      allowance,
      periodStart: '2026-03-01T00:00:00.000Z',
      periodEnd: '2026-04-01T00:00:00.000Z',
    });
  });

  test('Enterprise is custom: no number in the catalog', () => {
    expect(catalogAllowance(builtinCatalog, 'zite', 'enterprise', 'integration')).toBeNull();
  });

  test('the seed gives no allowance for AI credits (the message pool)', () => {
    expect(catalogAllowance(builtinCatalog, 'zite', 'free', 'message')).toBeUndefined();
  });
});

describe('the seed rate cards', () => {
  test('Zite: email 5, document 10, database 0, standard integration 1; three free for existing customers', () => {
    const zite = builtinCatalog.providers.zite;
    expect(zite.rates).toEqual({ email: 5, document: 10, db: 0, 'integration:*': 1 });
    expect([...zite.freeForExistingCustomers].sort()).toEqual([
      'integration:airtable',
      'integration:google_sheets',
      'integration:slack',
    ]);
  });

  test('Base44: the seed gives no plan sizes, and its one-time bonuses are +20 on LinkedIn and +20 on X', () => {
    const b = builtinCatalog.providers.base44;
    expect(b.plans).toEqual({});
    expect(b.bonuses?.map((x) => [x.credits, x.once])).toEqual([
      [20, true],
      [20, true],
    ]);
    expect(b.bonuses?.map((x) => x.label).join(' ')).toMatch(/LinkedIn.*X|X.*LinkedIn/);
  });

  test('every price by size says it is an assumption', () => {
    for (const provider of Object.values(builtinCatalog.providers)) {
      for (const spec of Object.values(provider.rates)) {
        if (typeof spec === 'object' && spec.byUnits) expect(spec.assumption ?? '').not.toBe('');
      }
    }
  });
});

describe('a user override', () => {
  // Zite's newer help page prices an email at 1.
  const catalog = mergeCatalog(builtinCatalog, { version: 1, providers: { zite: { rates: { email: 1 } } } });

  test('replaces the number it names and keeps the others', () => {
    expect(catalog.providers.zite.rates).toMatchObject({ email: 1, document: 10, db: 0, 'integration:*': 1 });
    expect(catalogAllowance(catalog, 'zite', 'pro', 'integration')).toBe(50_000);
  });

  test('prices events when passed to the engine', () => {
    const l = ledger({
      workspaces: [workspace({ provider: 'zite', plan: 'free', pools: undefined })],
      events: [
        event({ occurredAt: '2026-03-02T00:00:00Z', action: 'email' }),
        event({ occurredAt: '2026-03-02T00:01:00Z', action: 'document' }),
      ],
    });
    expect(evaluate(l, '2026-03-10T00:00:00Z', { catalog }).pools[0]!.used).toBe(11); // 1 + 10
    expect(poolAt(l, '2026-03-10T00:00:00Z').used).toBe(15); // built-in: 5 + 10
  });
});
