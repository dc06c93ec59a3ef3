import { describe, expect, test } from 'vitest';
import { runCli, runCliInProcess, tempFile } from './run-cli';

// A Zite Free workspace (1,000 credits a month, seed 000) and a Base44 workspace on a billing
// cycle anchored on the 15th with a 100-credit allowance and a +20 LinkedIn bonus.
const ledger = {
  version: 1,
  workspaces: [
    {
      id: 'acme',
      name: 'Acme',
      provider: 'zite',
      plan: 'free',
      existingCustomer: true,
      members: [{ id: 'ana', name: 'Ana' }],
    },
    {
      id: 'b44',
      name: 'Builders',
      provider: 'base44',
      plan: 'starter',
      pools: [{ pool: 'integration', allowance: 100, reset: { kind: 'anchor-day', day: 15 } }],
    },
  ],
  grants: [
    {
      id: 'li',
      workspaceId: 'b44',
      pool: 'integration',
      kind: 'bonus',
      credits: 20,
      grantedAt: '2026-11-16T09:00:00Z',
    },
  ],
  events: [
    // Acme, November: 2 emails (5 each), an Airtable call (free for an existing customer),
    // a Twilio call the provider charged 480 for, and one action no card knows (1).
    {
      id: 'a1',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'ana',
      app: 'crm',
      action: 'email',
      occurredAt: '2026-11-02T10:00:00Z',
    },
    {
      id: 'a2',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'ana',
      app: 'crm',
      action: 'email',
      occurredAt: '2026-11-03T10:00:00Z',
    },
    {
      id: 'a3',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'bo',
      app: 'crm',
      action: 'integration:airtable',
      occurredAt: '2026-11-04T10:00:00Z',
    },
    {
      id: 'a4',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'bo',
      app: 'sms',
      action: 'integration:twilio',
      credits: 480,
      occurredAt: '2026-11-05T10:00:00Z',
    },
    {
      id: 'a5',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'bo',
      app: 'sms',
      action: 'teleport',
      occurredAt: '2026-11-06T10:00:00Z',
    },
    // The same event again (synced twice): counted once.
    {
      id: 'a5',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'bo',
      app: 'sms',
      action: 'teleport',
      occurredAt: '2026-11-06T10:00:00Z',
    },
    // After asOf: does not exist yet.
    {
      id: 'a6',
      workspaceId: 'acme',
      pool: 'integration',
      memberId: 'bo',
      action: 'email',
      occurredAt: '2026-11-20T10:00:00Z',
    },
    // Builders, cycle from 15 Nov: a complex PDF... priced 2 with no size, two LLM calls at 1.
    {
      id: 'b1',
      workspaceId: 'b44',
      pool: 'integration',
      memberId: 'cy',
      action: 'pdf',
      occurredAt: '2026-11-15T08:00:00Z',
    },
    {
      id: 'b2',
      workspaceId: 'b44',
      pool: 'integration',
      memberId: 'cy',
      action: 'llm',
      occurredAt: '2026-11-16T08:00:00Z',
    },
    {
      id: 'b3',
      workspaceId: 'b44',
      pool: 'integration',
      memberId: 'cy',
      action: 'llm',
      occurredAt: '2026-11-17T08:00:00Z',
    },
  ],
};

describe('creditbar evaluate', () => {
  test('prints every pool in the documented JSON shape with the engine numbers', async () => {
    const res = await runCli([
      'evaluate',
      tempFile('ledger.json', ledger),
      '--as-of',
      '2026-11-18T00:00:00Z',
      '--json',
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.asOf).toBe('2026-11-18T00:00:00.000Z');
    const [acme, b44] = out.pools;

    // Acme: 5 + 5 + 0 + 480 + 1 = 491 of 1,000 → 49.1 %, 509 left, 12 d 24 h... to 1 Dec.
    expect(acme).toMatchObject({
      workspaceId: 'acme',
      pool: 'integration',
      periodStart: '2026-11-01T00:00:00.000Z',
      periodEnd: '2026-12-01T00:00:00.000Z',
      resetsInSeconds: 13 * 86_400,
      allowance: 1000,
      bonus: 0,
      available: 1000,
      used: 491,
      remaining: 509,
      percentUsed: 49.1,
      blockedCalls: 0,
      exhaustedAt: null,
      unknownActions: ['teleport'],
    });
    expect(acme.byAction).toEqual({
      'integration:twilio': 480,
      email: 10,
      teleport: 1,
      'integration:airtable': 0,
    });
    expect(acme.byMember).toEqual({ bo: 481, ana: 10 });
    expect(acme.byApp).toEqual({ sms: 481, crm: 10 });
    expect(acme.thresholds.map((t: { percent: number }) => t.percent)).toEqual([50, 90, 100]);
    expect(acme.thresholds.every((t: { reachedAt: unknown }) => t.reachedAt === null)).toBe(true);
    // Window (11 Nov, 18 Nov] holds nothing: no burn, no run-out.
    expect(acme.forecast).toEqual({
      burnPerDay: 0,
      projectedUsed: 491,
      low: 491,
      high: 491,
      runsOutAt: null,
    });

    // Builders: cycle 15 Nov → 15 Dec; 100 + 20 bonus = 120 available; 2 + 1 + 1 = 4 used.
    expect(b44).toMatchObject({
      periodStart: '2026-11-15T00:00:00.000Z',
      periodEnd: '2026-12-15T00:00:00.000Z',
      allowance: 100,
      bonus: 20,
      available: 120,
      used: 4,
      remaining: 116,
      percentUsed: 3.33,
    });
    // Burn over (15 Nov 00:00, 18 Nov 00:00], clipped to the cycle start: 4 credits / 3 days.
    expect(b44.forecast.burnPerDay).toBe(1.33);
    expect(out.alerts).toEqual([]);
  });

  test('without --json prints a table a lead can read', async () => {
    const res = await runCli([
      'evaluate',
      tempFile('ledger.json', ledger),
      '--as-of',
      '2026-11-18T00:00:00Z',
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Acme');
    expect(res.stdout).toMatch(/491 \/ 1,000\s+49\.1%/);
    expect(res.stdout).toContain('teleport');
    // Builders' +20 LinkedIn bonus, said as the card says it: 100 + 20 = 120 available.
    expect(res.stdout).toContain('Builders (integration) includes 20 bonus credits: 120 available.');
  });

  test('words a top-up as a top-up, not a bonus, and both together', async () => {
    const topped = structuredClone(ledger);
    topped.grants.push({
      id: 'tu',
      workspaceId: 'b44',
      pool: 'integration',
      kind: 'top-up',
      credits: 500,
      grantedAt: '2026-11-17T09:00:00Z',
    });
    const both = await runCli([
      'evaluate',
      tempFile('ledger.json', topped),
      '--as-of',
      '2026-11-18T00:00:00Z',
    ]);
    // 100 + 20 bonus + 500 top-up = 620 available.
    expect(both.stdout).toContain(
      'Builders (integration) includes 520 bonus and top-up credits: 620 available.',
    );
    topped.grants.shift(); // the top-up alone
    const top = await runCli([
      'evaluate',
      tempFile('ledger.json', topped),
      '--as-of',
      '2026-11-18T00:00:00Z',
    ]);
    expect(top.stdout).toContain('Builders (integration) includes 500 top-up credits: 600 available.');
    expect(top.stdout).not.toContain('bonus');
  });

  test('reports the alerts of the current periods with stable keys', async () => {
    const busy = structuredClone(ledger);
    // 100 more emails on 10 Nov: 491 + 500 = 991 → past 90 % (900) but not dry.
    for (let i = 0; i < 100; i++) {
      busy.events.push({
        id: `x${i}`,
        workspaceId: 'acme',
        pool: 'integration',
        memberId: 'ana',
        app: 'crm',
        action: 'email',
        occurredAt: `2026-11-10T10:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}Z`,
      });
    }
    const res = await runCli([
      'evaluate',
      tempFile('ledger.json', busy),
      '--as-of',
      '2026-11-18T00:00:00Z',
      '--json',
    ]);
    const out = JSON.parse(res.stdout);
    expect(out.pools[0].used).toBe(991);
    const kinds = out.alerts.map((a: { kind: string; percent?: number }) => `${a.kind}:${a.percent ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['threshold:50', 'threshold:90', 'mid-period-audit:50']));
    expect(kinds).not.toContain('exhausted:100');
    const ninety = out.alerts.find(
      (a: { percent?: number; kind: string }) => a.kind === 'threshold' && a.percent === 90,
    );
    expect(ninety.key).toBe('acme|integration|2026-11-01T00:00:00.000Z|threshold|90');
    expect(ninety.message).toContain('Acme');
  });
});

describe('creditbar evaluate with bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{"version": 1,', /not valid JSON/],
    // JSON.parse's own message echoes the input, newline included: it must not reach stderr.
    [
      'not JSON, a word then a newline',
      'not json{\n',
      /bad\.json: not valid JSON: unexpected 'o' at line 1 column 2$/m,
    ],
    [
      'not JSON, an error on line 3',
      '{\n  "version": 1,\n  "workspaces": [,]\n}\n',
      /bad\.json: not valid JSON: unexpected ',' at line 3 column 18$/m,
    ],
    [
      'a missing field',
      { ...ledger, events: [{ ...ledger.events[0], memberId: undefined }] },
      /events\[0\] \(id "a1"\): memberId is missing/,
    ],
    [
      'a malformed instant',
      { ...ledger, events: [ledger.events[0], { ...ledger.events[1], occurredAt: 'tuesday' }] },
      /events\[1\] \(id "a2"\): occurredAt is invalid/,
    ],
    [
      'an unknown workspace',
      { ...ledger, events: [{ ...ledger.events[0], workspaceId: 'ghost' }] },
      /events\[0\] \(id "a1"\): workspaceId "ghost"/,
    ],
    [
      'a missing allowance',
      {
        ...ledger,
        workspaces: [{ id: 'ent', name: 'Ent', provider: 'zite', plan: 'enterprise' }],
        grants: [],
        events: [],
      },
      /workspace "ent".*allowance/,
    ],
    ['a record without id', { ...ledger, grants: [{ workspaceId: 'b44' }] }, /grants\[0\]: id is missing/],
  ];

  test.each(cases)(
    '%s: one clear line on stderr, exit 1, nothing on stdout',
    async (_name, content, message) => {
      const res = await runCli([
        'evaluate',
        tempFile('bad.json', content),
        '--as-of',
        '2026-11-18T00:00:00Z',
        '--json',
      ]);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(message);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).not.toMatch(/\s+at\s+\S+\s+\(/); // no stack trace
    },
  );

  const flags: [string, (file: string) => string[], RegExp][] = [
    ['an unknown flag', (file) => [file, '--verbose'], /unknown option --verbose\nusage: creditbar evaluate/],
    ['a bad --as-of', (file) => [file, '--as-of', 'soon'], /--as-of "soon" is not an ISO 8601 instant/],
    ['a missing ledger', () => [], /missing the ledger file\nusage: creditbar evaluate/],
    ['two ledgers', (file) => [file, file], /unexpected argument/],
  ];
  test.each(flags)('%s: a usage error, exit 2', async (_name, args, message) => {
    const res = await runCli(['evaluate', ...args(tempFile('l.json', ledger))]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
  });

  test('a ledger file that does not exist', async () => {
    const res = await runCli(['evaluate', '/nonexistent/ledger.json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cannot read ledger \/nonexistent\/ledger.json: no such file/);
  });

  // Notepad and other Windows editors save UTF-8 with a byte-order mark: it was refused as "not valid
  // JSON: unexpected character U+FEFF at line 1 column 1".
  test('a ledger saved with a byte-order mark reads as the same ledger', async () => {
    const bom = tempFile('bom.json', `\uFEFF${JSON.stringify(ledger)}`);
    const res = await runCliInProcess(['evaluate', bom, '--as-of', '2026-11-18T00:00:00Z', '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    // The same figures as the first test's, worked out there: Acme 491 used, Builders 4.
    expect(JSON.parse(res.stdout).pools.map((p: { used: number }) => p.used)).toEqual([491, 4]);
  });
});
