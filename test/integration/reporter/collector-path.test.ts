import { afterAll, describe, expect, it } from 'vitest';
import { createReporter } from '../../../resources/reporter/creditbar-report';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import { tempDir } from '../../fixtures/temp-dir';
import { serverCli } from '../server/run-server-cli';
import { runCliWith } from '../sync/sync-helpers';

const DAY_MS = 86_400_000;

/**
 * A day of a Base44 support app's usage, as its backend functions report it. Expected totals by hand
 * from the Base44 rules: a provider-charged `credits` wins; else the catalog (llm by tokens: up to
 * 2,000 → 1, up to 8,000 → 2; file 1; pdf by pages: up to 50 → 3; external_api 1; backend_function 0).
 */
const DAY = [
  { n: 30, usage: { action: 'llm', credits: 1 }, each: 1 }, // 30
  { n: 10, usage: { action: 'llm', units: 5000 }, each: 2 }, // 20
  { n: 12, usage: { action: 'file' }, each: 1 }, // 12
  { n: 6, usage: { action: 'pdf', units: 30 }, each: 3 }, // 18
  { n: 20, usage: { action: 'integration:slack', credits: 1 }, each: 1 }, // 20 (creditsCharged)
  { n: 5, usage: { action: 'backend_function' }, each: 0 }, // 0
  { n: 15, usage: { action: 'external_api' }, each: 1 }, // 15
] as const;
const TOTAL = 30 + 20 + 12 + 18 + 20 + 0 + 15; // 115
const MEMBERS = ['ana', 'ben', 'u-3'];

describe('from nothing to a lead’s balance: collector, reporter, creditbar sync and status', () => {
  const dir = tempDir('creditbar-collector-path-');
  const serverDb = dir.file('server.sqlite');
  const cache = dir.file('cache.sqlite');
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    dir.cleanup();
  });

  it('shows in creditbar status exactly the credits the apps reported', async () => {
    // Yesterday (UTC): a whole day of usage, reviewed at its last second; the plan renews on the 1st.
    const yesterday = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
    const asOf = new Date(yesterday + DAY_MS - 1000).toISOString();

    // 1. The lead creates the workspace, a read token for their Creditbar and an ingest token for the app.
    const add = await serverCli([
      'workspace',
      'add',
      '--account',
      'team',
      '--id',
      'support',
      '--name',
      'Support studio',
      '--provider',
      'base44',
      '--plan',
      'builder',
      '--billing-day',
      '1',
      '--member',
      'ana:Ana Lima',
      '--member',
      'ben:Ben Ode',
      '--db',
      serverDb,
    ]);
    expect(add.stderr).toBe('');
    const read = (await serverCli(['token', '--db', serverDb])).stdout.trim();
    const ingest = (
      await serverCli(['token', '--scope', 'ingest', '--workspace', 'support', '--db', serverDb])
    ).stdout.trim();
    server = await startServer({ dbPath: serverDb });

    // 2. The app reports its day through the reporter, in batches.
    const reporter = createReporter({
      url: server.url,
      token: ingest,
      workspaceId: 'support',
      app: 'helpdesk',
    });
    let k = 0;
    for (const { n, usage } of DAY) {
      for (let i = 0; i < n; i++, k++) {
        reporter.report({
          ...usage,
          memberId: MEMBERS[k % 3]!,
          occurredAt: new Date(yesterday + (k % 24) * 3_600_000 + k * 1000).toISOString(),
        });
      }
    }
    expect(await reporter.close()).toMatchObject({ sent: 98, invalid: 0, dropped: 0, rejected: 0 });

    // 3. The lead's Creditbar syncs with the read token and shows the balance.
    const sync = await runCliWith(
      ['sync', '--server', server.url, '--token-env', 'LEAD_TOKEN', '--db', cache],
      {
        LEAD_TOKEN: read,
      },
    );
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    const status = await runCliWith(['status', '--db', cache, '--as-of', asOf, '--json']);
    expect(status.code).toBe(0);
    const pools = (JSON.parse(status.stdout) as { pools: Record<string, unknown>[] }).pools;
    const integration = pools.find((p) => p.workspaceId === 'support' && p.pool === 'integration')!;
    // Builder: 10,000 integration credits a month (the catalog's current Base44 plans); 115 reported.
    expect(integration).toMatchObject({
      allowance: 10_000,
      available: 10_000,
      used: TOTAL,
      remaining: 10_000 - TOTAL,
    });
    expect(integration.byAction).toMatchObject({
      llm: 50,
      file: 12,
      pdf: 18,
      'integration:slack': 20,
      external_api: 15,
    });
    expect((integration.byAction as Record<string, number>).backend_function ?? 0).toBe(0);
    const byMember = integration.byMember as Record<string, number>;
    expect(Object.values(byMember).reduce((a, b) => a + b, 0)).toBe(TOTAL);
    expect(Object.keys(byMember).sort()).toEqual(['ana', 'ben', 'u-3']);
    expect(pools.find((p) => p.workspaceId === 'support' && p.pool === 'message')).toMatchObject({
      allowance: 250,
      used: 0,
    });
  }, 120_000);
});
