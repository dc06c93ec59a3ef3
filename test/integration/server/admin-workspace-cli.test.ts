import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema, workspaceListSchema } from '../../../src-shared/api';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import { tempDir } from '../../fixtures/temp-dir';
import { expectOneLine, serverCli } from './run-server-cli';
import { call } from './server-fixture';

describe('creditbar-server workspace, member and grant, on the file a running server uses', () => {
  const dir = tempDir('creditbar-admin-ws-');
  const db = dir.file('server.sqlite');
  const at = ['--db', db];
  // The server's clock: inside the Base44 billing period that starts on the 15th.
  const NOW = Date.parse('2026-11-25T12:00:00Z');
  let server: RunningServer;
  let read: string;
  let ingest: string;

  const balance = async () =>
    balanceSchema
      .parse(
        (await call(server, '/v1/workspaces/support/balance?asOf=2026-11-25T12:00:00Z', { token: read }))
          .body,
      )
      .pools.find((p) => p.pool === 'integration')!;
  const workspace = async () =>
    workspaceListSchema
      .parse((await call(server, '/v1/workspaces', { token: read })).body)
      .workspaces.find((w) => w.id === 'support');

  beforeAll(async () => {
    const added = await serverCli([
      'workspace',
      'add',
      '--account',
      'acme',
      '--id',
      'support',
      '--name',
      'Support studio',
      '--provider',
      'base44',
      '--plan',
      'builder',
      '--allowance',
      '10000',
      '--billing-day',
      '15',
      '--member',
      'ana:Ana Lima',
      ...at,
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(
      'Added workspace "support" (Support studio, base44 builder) to account "acme": integration 10,000 a period, resets on day 15 (UTC); message 250 a period, resets on day 15 (UTC).',
    );
    read = (await serverCli(['token', ...at])).stdout.trim();
    ingest = (await serverCli(['token', '--scope', 'ingest', '--workspace', 'support', ...at])).stdout.trim();
    server = await startServer({ dbPath: db, clock: () => NOW });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  it('serves the workspace as added: the pool from the flags, the member, the billing day', async () => {
    expect(await workspace()).toEqual({
      id: 'support',
      name: 'Support studio',
      provider: 'base44',
      plan: 'builder',
      existingCustomer: false,
      // On the newest rules that size Builder (Base44's documentation), renewing on the 15th.
      catalogVersion: '2026-12-docs',
      billingDay: 15,
      // The integration allowance from the flag; the message pool from the catalog's Builder plan.
      pools: [
        { pool: 'integration', allowance: 10_000, reset: { kind: 'anchor-day', day: 15 }, overage: false },
        { pool: 'message', allowance: 250, reset: { kind: 'anchor-day', day: 15 }, overage: false },
      ],
      members: [{ id: 'ana', name: 'Ana Lima' }],
    });
  });

  it('lists a member an app reported before the lead named it, and member add names it', async () => {
    const r = await call(server, '/v1/workspaces/support/events', {
      token: ingest,
      method: 'POST',
      body: {
        events: [
          // Worked out from the rules: 3 charged by the platform, a file 1, a 5-page PDF 2 (band up to 10 pages).
          {
            id: 'e1',
            pool: 'integration',
            memberId: 'ana',
            action: 'llm',
            credits: 3,
            occurredAt: '2026-11-24T09:00:00Z',
          },
          {
            id: 'e2',
            pool: 'integration',
            memberId: 'u-77',
            action: 'file',
            occurredAt: '2026-11-24T10:00:00Z',
          },
          {
            id: 'e3',
            pool: 'integration',
            memberId: 'u-77',
            action: 'pdf',
            units: 5,
            occurredAt: '2026-11-24T11:00:00Z',
          },
        ],
      },
    });
    expect(r.status).toBe(200);
    const listed = await serverCli(['workspace', 'list', ...at]);
    expect(listed.stdout).toContain('unnamed (seen in reported usage): u-77 (since 2026-11-25 12:00)');
    expect(listed.stdout).toContain('events: 3 (newest stored happened 2026-11-24 11:00 UTC)');
    expect((await workspace())!.members).toEqual([
      { id: 'ana', name: 'Ana Lima' },
      { id: 'u-77', name: 'u-77' },
    ]);
    const named = await serverCli([
      'member',
      'add',
      '--workspace',
      'support',
      '--id',
      'u-77',
      '--name',
      'Ben Ode',
      ...at,
    ]);
    expect(named.stdout).toBe('Named member "u-77" (Ben Ode) of workspace "support".\n');
    expect((await workspace())!.members).toEqual([
      { id: 'ana', name: 'Ana Lima' },
      { id: 'u-77', name: 'Ben Ode' },
    ]);
    expect((await serverCli(['workspace', 'list', ...at])).stdout).not.toContain('unnamed');
    expect((await balance()).used).toBe(6);
  });

  it('records a top-up the running server counts at once, and removes it again', async () => {
    const revision = () => {
      const reader = new Database(db, { readonly: true });
      try {
        return reader.prepare("SELECT revision FROM workspaces WHERE id = 'support'").pluck().get() as number;
      } finally {
        reader.close();
      }
    };
    const before = revision();
    const added = await serverCli([
      'grant',
      'add',
      '--workspace',
      'support',
      '--kind',
      'top-up',
      '--credits',
      '5000',
      '--at',
      '2026-11-20T09:00:00Z',
      '--expires',
      '1y',
      ...at,
    ]);
    expect(added.stdout).toBe(
      'Recorded grant top-up-20261120-090000  top-up 5,000 integration credits from 2026-11-20 09:00 UTC, expires 2027-11-20 09:00 UTC on workspace "support".\n',
    );
    // The other process bumped the workspace's revision: a cache of /balance would know.
    expect(revision()).toBe(before + 1);
    // 10,000 of the plan + 5,000 topped up = 15,000 available; 6 used (see above).
    expect(await balance()).toMatchObject({ available: 15_000, used: 6, remaining: 14_994 });
    const removed = await serverCli([
      'grant',
      'remove',
      '--workspace',
      'support',
      '--id',
      'top-up-20261120-090000',
      ...at,
    ]);
    expect(removed.code).toBe(0);
    expect(await balance()).toMatchObject({ available: 10_000, remaining: 9_994 });
  });

  it('changes the plan and allowance in place, keeping members and events', async () => {
    const r = await serverCli([
      'workspace',
      'update',
      '--id',
      'support',
      '--allowance',
      '20000',
      '--thresholds',
      '50,75,90,100',
      ...at,
    ]);
    expect(r.code).toBe(0);
    const ws = (await workspace())!;
    expect(ws.pools[0]).toMatchObject({ allowance: 20_000, reset: { kind: 'anchor-day', day: 15 } });
    expect(ws.thresholds).toEqual([50, 75, 90, 100]);
    expect(ws.members.map((m) => m.name)).toEqual(['Ana Lima', 'Ben Ode']);
    expect((await balance()).used).toBe(6);
  });

  it('refuses to remove a workspace that holds events unless told, then removes it with its ingest tokens', async () => {
    expectOneLine(
      await serverCli(['workspace', 'remove', '--id', 'support', ...at]),
      1,
      'workspace "support" holds 3 events: add --with-events to delete them with it (nothing was removed)',
    );
    expect((await balance()).used).toBe(6);
    const gone = await serverCli(['workspace', 'remove', '--id', 'support', '--with-events', ...at]);
    expect(gone.stdout).toBe(
      'Removed workspace "support" from account "acme" with 3 events, 0 grants and 1 ingest token (revoked).\n',
    );
    const post = await call(server, '/v1/workspaces/support/events', {
      token: ingest,
      method: 'POST',
      body: {
        events: [
          {
            id: 'late',
            pool: 'integration',
            memberId: 'ana',
            action: 'file',
            occurredAt: '2026-11-25T09:00:00Z',
          },
        ],
      },
    });
    expect(post.status).toBe(401);
  });

  it('refuses bad input with one sentence and a non-zero exit, changing nothing', async () => {
    const ws = ['workspace', 'add', '--id', 'w2', '--name', 'W'];
    const cases: [string[], number, string][] = [
      [
        [...ws, '--provider', 'zyte', '--plan', 'pro'],
        2,
        '--provider must be zite, base44 or custom (got "zyte")',
      ],
      [[...ws, '--provider', 'zite'], 2, 'workspace add needs --plan'],
      [
        [...ws, '--provider', 'base44', '--plan', 'gold', '--billing-day', '3'],
        1,
        'the catalog does not know plan "gold" of base44: give --allowance N',
      ],
      [
        [...ws, '--provider', 'base44', '--plan', 'builder'],
        1,
        'base44 plan "builder" resets on the billing date: give --billing-day N',
      ],
      [
        [...ws, '--provider', 'zite', '--plan', 'enterprise'],
        1,
        'does not publish plan "enterprise"\'s allowance: give --allowance N',
      ],
      [
        [...ws, '--provider', 'zite', '--plan', 'pro', '--billing-day', '3'],
        1,
        'zite resets on the 1st of each month',
      ],
      [
        [...ws, '--provider', 'custom', '--plan', 'x', '--allowance', '10', '--billing-day', '32'],
        2,
        '--billing-day must be a whole number from 1 to 31',
      ],
      [[...ws, '--provider', 'zite', '--plan', 'pro', '--member', 'ana'], 2, '--member must read id:Name'],
      [
        [...ws, '--provider', 'zite', '--plan', 'pro', '--thresholds', '50,190'],
        2,
        '--thresholds must be percentages',
      ],
      [['workspace', 'frob'], 2, 'unknown workspace command "frob"'],
      [['workspace', 'list', '--plan', 'pro'], 2, 'workspace list takes no --plan'],
      [['workspace', 'update', '--id', 'nope', '--plan', 'team'], 1, 'no workspace "nope" in this account'],
      [['member', 'add', '--workspace', 'nope', '--id', 'a'], 2, 'member add needs --name'],
      [['member', 'remove', '--workspace', 'nope', '--id', 'a'], 1, 'no workspace "nope"'],
      [
        ['grant', 'add', '--workspace', 'nope', '--kind', 'gift', '--credits', '5'],
        2,
        '--kind must be bonus, top-up or adjustment',
      ],
      [
        ['grant', 'add', '--workspace', 'nope', '--kind', 'bonus', '--credits', 'lots'],
        2,
        '--credits must be a number',
      ],
      [
        ['grant', 'add', '--workspace', 'nope', '--kind', 'bonus', '--credits', '5', '--expires', 'soon'],
        2,
        '--expires must be',
      ],
      [
        ['grant', 'add', '--workspace', 'nope', '--kind', 'bonus', '--credits', '5', '--at', 'yesterday'],
        2,
        '--at must be an ISO 8601 instant',
      ],
      [
        ['grant', 'add', '--workspace', 'nope', '--kind', 'bonus', '--credits', '-5'],
        1,
        'no workspace "nope"',
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => serverCli([...args, ...at])));
    runs.forEach((r, i) => expectOneLine(r, cases[i]![1], cases[i]![2]));
    expect(JSON.parse((await serverCli(['workspace', 'list', '--json', ...at])).stdout).workspaces).toEqual(
      [],
    );
  }, 120_000);
});
