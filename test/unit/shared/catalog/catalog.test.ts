import { describe, expect, test } from 'vitest';
import {
  builtinCatalog,
  catalogAllowance,
  effectiveText,
  mergeCatalog,
  newestVersion,
  providerVersion,
} from '../../../../src-shared/catalog/catalog';
import builtinCatalogData from '../../../../src-shared/catalog/builtin-catalog.json';
import { catalogSchema } from '../../../../src-shared/catalog/catalog-schema';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import type { UsageEvent } from '../../../../src-shared/types/ledger';
import { alertsAt, charge, evaluate, event, ledger, ms, poolAt, workspace } from '../helpers/ledger-builders';

const seed = (provider: 'zite' | 'base44') => providerVersion(builtinCatalog, provider);

describe('the built-in catalog', () => {
  test('is one the catalog schema accepts as it is (it is not parsed when the app loads it)', () => {
    const parsed = catalogSchema.safeParse(builtinCatalogData);
    expect(parsed.error?.issues).toBeUndefined();
    // Nothing stripped, defaulted or transformed: the file is the catalog.
    expect(parsed.data).toEqual(builtinCatalogData);
    expect(builtinCatalog).toBe(builtinCatalogData);
  });
});

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
    const zite = seed('zite');
    expect(zite.rates).toEqual({ email: 5, document: 10, db: 0, 'integration:*': 1 });
    expect([...zite.freeForExistingCustomers].sort()).toEqual([
      'integration:airtable',
      'integration:google_sheets',
      'integration:slack',
    ]);
  });

  test('Base44: the seed gives no plan sizes, and its one-time bonuses are +20 on LinkedIn and +20 on X', () => {
    const b = seed('base44');
    expect(b.plans).toEqual({});
    expect(b.bonuses?.map((x) => [x.credits, x.once])).toEqual([
      [20, true],
      [20, true],
    ]);
    expect(b.bonuses?.map((x) => x.label).join(' ')).toMatch(/LinkedIn.*X|X.*LinkedIn/);
  });

  test('every price by size says it is an assumption', () => {
    for (const version of Object.values(builtinCatalog.providers).flatMap((p) => p.versions)) {
      for (const spec of Object.values(version.rates)) {
        if (typeof spec === 'object' && spec.byUnits) expect(spec.assumption ?? '').not.toBe('');
      }
    }
  });
});

describe('a user override', () => {
  // A lead who knows their plan's email price better than the seed.
  const catalog = mergeCatalog(builtinCatalog, { version: 1, providers: { zite: { rates: { email: 1 } } } });

  test('replaces the number it names in every version and keeps the others', () => {
    expect(providerVersion(catalog, 'zite').rates).toMatchObject({
      email: 1,
      document: 10,
      db: 0,
      'integration:*': 1,
    });
    expect(newestVersion(catalog, 'zite').rates).toMatchObject({ email: 1, document: 5 });
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

describe('dated, sourced versions', () => {
  test('each provider lists the seed first and the newer published rules after it, each with its date', () => {
    const list = (p: 'zite' | 'base44') =>
      builtinCatalog.providers[p].versions.map((v) => [v.id, effectiveText(v)]);
    // No page says when the rules took effect: the date they were published by stands in.
    expect(list('zite')).toEqual([
      ['2026-05-seed', 'unknown, published by 2026-05-11'],
      ['2026-12-usage', 'unknown, published by 2026-12-03'],
    ]);
    expect(list('base44')).toEqual([
      ['2026-05-seed', 'unknown, published by 2026-05-31'],
      ['2026-12-docs', 'unknown, published by 2026-12-03'],
    ]);
  });

  test('every number names a source that exists, with a URL or a seed file', () => {
    for (const provider of ['zite', 'base44'] as const) {
      for (const v of builtinCatalog.providers[provider].versions) {
        const cited = [
          v.source,
          v.resetSource,
          v.bonusSource,
          v.exhaustion.source,
          v.topUps?.source,
          ...Object.values(v.plans).map((p) => p.source),
          ...Object.keys(v.rates).map((a) => v.rateSources?.[a]),
          ...(v.otherAllowances ?? []).map((a) => a.source),
        ].filter((s): s is string => typeof s === 'string');
        for (const id of cited) {
          const source = v.sources[id];
          expect(source, `${provider} ${v.id} cites ${id}`).toBeDefined();
          expect(source!.url ?? source!.file, `${provider} ${v.id} source ${id}`).toBeTruthy();
        }
        expect(v.sources[v.source!], `${provider} ${v.id} default source`).toBeDefined();
      }
    }
  });

  test("Base44's documentation: five plans with both pools; paid plans reset on the billing day, Free daily", () => {
    const docs = newestVersion(builtinCatalog, 'base44');
    expect(Object.fromEntries(Object.entries(docs.plans).map(([name, p]) => [name, p.pools]))).toEqual({
      free: { message: 25, integration: 100 },
      starter: { message: 100, integration: 2000 },
      builder: { message: 250, integration: 10_000 },
      pro: { message: 500, integration: 20_000 },
      elite: { message: 1200, integration: 50_000 },
    });
    expect(docs.topUps).toMatchObject({ sold: true, spentAfterPlan: true, validDays: 365 });
    expect(docs.rates).toMatchObject({ email: 1, 'email:custom_domain': 2 });
    expect(docs.sources['credit-top-ups']?.url).toBe(
      'https://docs.base44.com/Account-and-billing/credit-top-ups',
    );
  });

  test("Zite's newer model: email 1, document 5, workflow runs apart, exhaustion stops publishing, no plan sizes", () => {
    const usage = newestVersion(builtinCatalog, 'zite');
    expect(usage.rates).toEqual({ email: 1, document: 5, db: 0 });
    expect(usage.exhaustion.blocks).toBe('publishing');
    expect(usage.otherAllowances?.map((a) => [a.name, a.unit, a.scope, a.perPlan])).toEqual([
      ['Workflow runs', 'runs', 'organisation', null],
    ]);
    // Nothing invented: every plan's allowance is null and marked unpublished.
    for (const plan of Object.values(usage.plans))
      expect(plan).toMatchObject({ pools: { integration: null }, unpublished: true });
  });
});

describe('a workspace on the seed version against one on the newest', () => {
  /** A Zite Pro workspace on `version` with an integration pool of `allowance`. */
  const zitePro = (version: string | undefined, allowance: number, events: UsageEvent[]) =>
    ledger({
      workspaces: [
        workspace({
          provider: 'zite',
          plan: 'pro',
          catalogVersion: version,
          pools: [{ pool: 'integration', allowance }],
        }),
      ],
      events,
    });
  const emails = (version?: string) =>
    zitePro(version, 1000, [
      event({ occurredAt: '2026-03-02T00:00:00Z', action: 'email' }),
      event({ occurredAt: '2026-03-02T00:01:00Z', action: 'document' }),
    ]);

  test('Zite: an email costs 5 on the seed (and when no version is named), 1 on the newest', () => {
    expect(poolAt(emails(), '2026-03-10T00:00:00Z').used).toBe(15); // 5 + 10
    expect(poolAt(emails('2026-05-seed'), '2026-03-10T00:00:00Z').used).toBe(15);
    expect(poolAt(emails('2026-12-usage'), '2026-03-10T00:00:00Z').used).toBe(6); // 1 + 5
  });

  test("Zite's newest publishes no allowance: the workspace must say it, and the message says why", () => {
    const l = ledger({
      workspaces: [
        workspace({ provider: 'zite', plan: 'pro', catalogVersion: '2026-12-usage', pools: undefined }),
      ],
    });
    expect(() => evaluate(l, '2026-03-10T00:00:00Z')).toThrow(
      'workspace "acme": pool "integration" has no allowance (zite\'s catalog version 2026-12-usage does not publish plan "pro"\'s allowance); set "allowance" on the pool',
    );
  });

  test("Zite's newest: the pool runs dry but calls go on; the alert says publishing stops", () => {
    // 100 credits: 60 + 60 on the newest runs both (used 120, nothing blocked); on the seed the second is blocked.
    const l = (version: string) =>
      zitePro(version, 100, [charge('2026-03-02T00:00:00Z', 60), charge('2026-03-03T00:00:00Z', 60)]);
    expect(poolAt(l('2026-12-usage'), '2026-03-10T00:00:00Z')).toMatchObject({
      used: 120,
      blockedCalls: 0,
      exhaustedAt: '2026-03-03T00:00:00.000Z',
    });
    expect(poolAt(l('2026-05-seed'), '2026-03-10T00:00:00Z')).toMatchObject({ used: 60, blockedCalls: 1 });
    const [dry] = alertsAt(l('2026-12-usage'), '2026-03-10T00:00:00Z', 'exhausted');
    expect(dry?.message).toContain('published apps keep working, but edits cannot be published');
  });

  test('Base44 Builder: unknown on the seed, 250 message and 10,000 integration on the newest, reset on the billing day', () => {
    const builder = (version?: string, billingDay?: number) =>
      ledger({
        workspaces: [
          workspace({
            provider: 'base44',
            plan: 'builder',
            pools: undefined,
            catalogVersion: version,
            billingDay,
          }),
        ],
      });
    expect(() => evaluate(builder(), '2026-03-20T00:00:00Z')).toThrow(
      'the catalog does not know plan "builder" of base44',
    );
    expect(() => evaluate(builder('2026-12-docs'), '2026-03-20T00:00:00Z')).toThrow(
      'plan "builder" of base44 resets on the billing date; set "billingDay" (1-31)',
    );
    const pools = evaluate(builder('2026-12-docs', 15), '2026-03-20T00:00:00Z').pools;
    expect(pools.map((p) => [p.pool, p.allowance, p.periodStart, p.periodEnd])).toEqual([
      ['integration', 10_000, '2026-03-15T00:00:00.000Z', '2026-04-15T00:00:00.000Z'],
      ['message', 250, '2026-03-15T00:00:00.000Z', '2026-04-15T00:00:00.000Z'],
    ]);
  });

  test('Base44 Free on the newest resets daily', () => {
    const l = ledger({
      workspaces: [
        workspace({ provider: 'base44', plan: 'free', pools: undefined, catalogVersion: '2026-12-docs' }),
      ],
    });
    const integration = evaluate(l, '2026-03-20T15:00:00Z').pools.find((p) => p.pool === 'integration')!;
    expect(integration).toMatchObject({
      allowance: 100,
      periodStart: '2026-03-20T00:00:00.000Z',
      periodEnd: '2026-03-21T00:00:00.000Z',
    });
  });

  test('a version the catalog does not have is refused, naming those it has', () => {
    const l = ledger({
      workspaces: [workspace({ provider: 'zite', plan: 'pro', catalogVersion: '2019', pools: undefined })],
    });
    expect(() => evaluateLedger(l, { asOf: ms('2026-03-10T00:00:00Z') })).toThrow(
      'workspace "acme": catalog version "2019" of zite does not exist (known: 2026-05-seed, 2026-12-usage)',
    );
  });
});
