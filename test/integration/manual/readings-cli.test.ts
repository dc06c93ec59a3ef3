import { afterEach, describe, expect, test } from 'vitest';
import type { EvaluationJson } from '../../../src-shared/engine/status-json';
import { openCache } from '../../../src-main/cache/cache';
import { addBase44Args } from '../../fixtures/base44-builder';
import { raisedAlert } from '../../fixtures/raised-alert';
import { tempDir } from '../../fixtures/temp-dir';
import { runCliInProcess as runCli, runCli as runBin } from '../cli/run-cli';

// The CLI runs in this process (a week of readings is a dozen commands); the binary runs the status checks.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function cacheFile(): string {
  const dir = tempDir('creditbar-manual-');
  cleanups.push(dir.cleanup);
  return dir.file('cache.sqlite');
}

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.stderr.replace(/^added .*\n/, ''), `creditbar ${args.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function status(db: string, asOf: string): Promise<EvaluationJson> {
  const r = await runBin(['status', '--db', db, '--as-of', asOf, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as EvaluationJson;
}

const DAY = 86_400_000;

/** A command line split on spaces (no argument here holds one). */
const cmd = (line: string) => line.split(' ');

/** `creditbar reading add` of Support studio's integration pool, with more flags after. */
const readingAdd = (db: string, remaining: string, at: string, ...more: string[]) =>
  ok([
    ...cmd(
      `reading add --db ${db} --workspace support-studio --pool integration --remaining ${remaining} --at ${at}`,
    ),
    ...more,
  ]);

describe('a manual Base44 Builder workspace fed a week of readings through the CLI', () => {
  // Base44 Builder on the documentation's catalog: 10,000 integration credits, reset on the billing
  // day (the 1st here): the period is 2025-11-01 → 2025-12-01, 30 days. The lead reads the usage
  // page at midnight UTC each day and types what is left: 400, 450, 500, 550, 400, 300 and 200 used.
  const week = [9600, 9150, 8650, 8100, 7700, 7400, 7200];

  async function setUp(): Promise<string> {
    const db = cacheFile();
    const id = await ok(addBase44Args(db, { name: 'Support studio', billingDay: 1 }));
    expect(id).toBe('support-studio\n');
    for (const [i, remaining] of week.entries()) {
      const at = new Date(Date.UTC(2025, 10, 2) + i * DAY).toISOString();
      await readingAdd(db, String(remaining), at);
    }
    return db;
  }

  test('gives the balance, forecast and alert worked out by hand', async () => {
    const db = await setUp();
    const s = await status(db, '2025-11-08T06:00:00Z');
    const integration = s.pools.find((p) => p.pool === 'integration')!;
    // Used 10,000 − 7,200 = 2,800 (28 %). The window is the 7 days before the last reading
    // (Nov 1 00:00 → Nov 8 00:00): 2,800 / 7 = 400 a day. From Nov 8 00:00, 23 days to Dec 1:
    // 2,800 + 400 × 23 = 12,000. 7,200 / 400 = 18 days after Nov 8: dry on Nov 26 00:00.
    expect(integration).toMatchObject({
      periodStart: '2025-11-01T00:00:00.000Z',
      periodEnd: '2025-12-01T00:00:00.000Z',
      allowance: 10_000,
      used: 2800,
      remaining: 7200,
      percentUsed: 28,
      byMember: {},
      byAction: {},
      observed: { credits: 2800, readings: 7, lastReadingAt: '2025-11-08T00:00:00.000Z', backwards: [] },
    });
    expect(integration.forecast.burnPerDay).toBe(400);
    expect(integration.forecast.projectedUsed).toBe(12_000);
    expect(integration.forecast.runsOutAt).toBe('2025-11-26T00:00:00.000Z');
    // The range: daily use 400, 450, 500, 550, 400, 300, 200 around a mean of 400; squared
    // deviations 0 + 2,500 + 10,000 + 22,500 + 0 + 10,000 + 40,000 = 85,000, / 6 → σ ≈ 119.02;
    // 23 days ahead: ± 1.2816 × 119.02 × √23 ≈ ± 731.6 around 12,000.
    const spread = 1.2816 * Math.sqrt(85_000 / 6) * Math.sqrt(23);
    expect(integration.forecast.low).toBeCloseTo(12_000 - spread, 1);
    expect(integration.forecast.high).toBeCloseTo(12_000 + spread, 1);
    expect(s.alerts.map((a) => a.message)).toEqual([
      'Support studio: at 400 credits a day the integration pool runs dry on 2025-11-26, ~5 days before it resets; 7,200 of 10,000 left.',
    ]);
    // Nobody read the message pool: nothing counted there.
    expect(s.pools.find((p) => p.pool === 'message')).toMatchObject({ allowance: 250, used: 0 });

    const text = (await runBin(['status', '--db', db, '--as-of', '2025-11-08T06:00:00Z'])).stdout;
    expect(text).toContain('by member, action and app: not available for readings');
    expect(text).toContain('Support studio: added by hand; last reading 2025-11-08 00:00 UTC');
  });

  test('a threshold between two readings, a backwards reading kept and answered as a mistake', async () => {
    const db = await setUp();
    // Nov 10: 4,900 left → 5,100 used, past 50 % somewhere after the reading of Nov 8.
    await ok([
      'reading',
      'add',
      '--db',
      db,
      '--workspace',
      'support-studio',
      '--pool',
      'integration',
      '--remaining',
      '4,900',
      '--at',
      '2025-11-10T00:00:00Z',
    ]);
    // Nov 11: 5,200 left, 300 more than counted and no grant: kept, flagged, not counted.
    const back = await readingAdd(db, '5200', '2025-11-11T00:00:00Z', '--note', 'after lunch');
    expect(back).toContain('this shows 300 more left than counted and no grant explains it');
    const readingId = /recorded (r-[0-9a-f]+)/.exec(back)![1]!;
    // The answers name the cache given, ready to paste (they printed a literal "--db FILE").
    expect(back).toContain(
      `A mistake?       creditbar reading resolve --db ${db} --workspace support-studio --reading ${readingId} --mistake`,
    );
    let s = await status(db, '2025-11-11T06:00:00Z');
    let integration = s.pools.find((p) => p.pool === 'integration')!;
    expect(integration).toMatchObject({ used: 5100, remaining: 4900 });
    expect(integration.observed?.backwards).toEqual([
      { id: readingId, at: '2025-11-11T00:00:00.000Z', by: 300 },
    ]);
    expect(s.alerts.find((a) => a.kind === 'threshold')?.message).toBe(
      'Support studio: 50% of the integration pool used between the reading of 2025-11-08 00:00 UTC and the reading of 2025-11-10 00:00 UTC; it resets on 2025-12-01.',
    );

    expect(
      await ok([
        'reading',
        'resolve',
        '--db',
        db,
        '--workspace',
        'support-studio',
        '--reading',
        readingId,
        '--mistake',
      ]),
    ).toContain('kept as a mistake');
    // Nov 12: 4,400 left → 5,600 used, 500 since the reading of Nov 10 (the mistake is left out).
    await ok(
      cmd(
        `reading add --db ${db} --workspace support-studio --pool integration --remaining 4400 --at 2025-11-12T00:00:00Z`,
      ),
    );
    s = await status(db, '2025-11-12T06:00:00Z');
    integration = s.pools.find((p) => p.pool === 'integration')!;
    expect(integration).toMatchObject({ used: 5600, remaining: 4400 });
    expect(integration.observed).toMatchObject({ readings: 9, backwards: [] });
    // Window Nov 5 → Nov 12: 400 + 300 + 200 + 2,300 (Nov 8 → 10) + 500 (Nov 10 → 12) = 3,700 / 7.
    expect(integration.forecast.burnPerDay).toBeCloseTo(3700 / 7, 2);

    const { readings } = JSON.parse(await ok(cmd(`reading list --db ${db} --json`))) as {
      readings: { id: string; counted: number | null; dismissed: boolean; note: string | null }[];
    };
    expect(readings.map((r) => r.counted)).toEqual([400, 450, 500, 550, 400, 300, 200, 2300, null, 500]);
    expect(readings.find((r) => r.id === readingId)).toMatchObject({ dismissed: true, note: 'after lunch' });
  });

  test('bad input: one line naming what is wrong, a non-zero exit, nothing stored', async () => {
    const db = await setUp();
    const before = await ok(cmd(`reading list --db ${db} --json`));
    const cases: [string[], number, string][] = [
      [
        ['--remaining', '9000'],
        1,
        'reading add: Say which pool the reading is of: integration or message. (--pool)',
      ],
      [
        ['--pool', 'integration', '--remaining=-5'],
        2,
        'reading add: --remaining "-5" is not a number of credits',
      ],
      [['--pool', 'integration', '--remaining', '-5'], 2, 'reading add: --remaining needs a value'],
      [
        ['--pool', 'integration', '--remaining', '9000', '--used', '3'],
        2,
        'reading add: give --remaining N or --used N (one of them)',
      ],
      [
        ['--pool', 'integration', '--remaining', '9000', '--at', '2999-01-01T00:00:00Z'],
        1,
        'A reading cannot be in the future',
      ],
      [
        ['--pool', 'integration', '--remaining', '9000', '--at', '1970-01-01T00:00:00Z'],
        1,
        // It was stored: a period of January 1970 (year 1 went through too).
        'creditbar: reading add: A reading before 2000 is a typo (1970-01-01T00:00:00.000Z): check the date. (--at)\n',
      ],
      [
        ['--pool', 'integration', '--remaining', '9000', '--at', 'yesterday'],
        2,
        '--at "yesterday" is not an ISO 8601 instant',
      ],
      [
        ['--pool', 'credits', '--remaining', '9000'],
        2,
        '--pool "credits" is not a pool: use integration or message',
      ],
      // An extra zero: Builder's pool holds 10,000 in November (no bonus). It was counted: 1,000 %
      // used, 90,000 below zero, and every threshold's alert at once.
      [
        ['--pool', 'integration', '--used', '100000', '--at', '2025-11-09T00:00:00Z'],
        1,
        "creditbar: reading add: Support studio's integration pool holds 10,000 credits in that period, fewer than the 100,000 typed as used: check the number, or type the credits left instead if the platform added credits. (--used)\n",
      ],
    ];
    for (const [extra, code, message] of cases) {
      const r = await runCli(['reading', 'add', '--db', db, '--workspace', 'support-studio', ...extra]);
      expect(r.code, extra.join(' ')).toBe(code);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = await runCli(cmd(`reading add --db ${db} --workspace nobody --remaining 1`));
    expect(missing.stderr).toBe(
      'creditbar: reading add: There is no workspace "nobody" in this cache. (--workspace)\n',
    );
    expect(await ok(cmd(`reading list --db ${db} --json`))).toBe(before);
  });
});

describe('creditbar workspace add, list and remove', () => {
  test('a plan the catalog does not size needs its allowance; the list says where each comes from', async () => {
    const db = cacheFile();
    const refused = await runCli(cmd(`workspace add --db ${db} --provider zite --plan pro --name Marketing`));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "Zite's Usage and Credits pages do not publish the credits each plan includes",
    );
    expect(refused.stderr).toContain('(--allowance)');
    const noDay = await runCli(cmd(`workspace add --db ${db} --provider base44 --plan pro --name Ops`));
    expect(noDay.stderr).toContain('Plan pro resets on the billing date: give the billing day');
    expect(
      (
        await ok([
          'workspace',
          'add',
          '--db',
          db,
          '--provider',
          'zite',
          '--plan',
          'pro',
          '--name',
          'Marketing',
          '--allowance',
          '60,000',
          '--member',
          'ana:Ana Ruiz',
        ])
      ).trim(),
    ).toBe('marketing');
    expect(
      (
        await ok(
          cmd(
            `workspace add --db ${db} --provider zite --plan free --name Side --catalog-version 2026-05-seed --id side`,
          ),
        )
      ).trim(),
    ).toBe('side');
    const { workspaces } = JSON.parse(await ok(cmd(`workspace list --db ${db} --json`))) as {
      workspaces: {
        id: string;
        origin: string;
        catalogVersion: string;
        pools: { pool: string; allowance: number }[];
      }[];
    };
    expect(workspaces.map((w) => [w.id, w.origin, w.catalogVersion, w.pools])).toEqual([
      [
        'marketing',
        'manual',
        '2026-12-usage',
        [{ pool: 'integration', allowance: 60_000, reset: 'the 1st of each month, 00:00 UTC' }],
      ],
      [
        'side',
        'manual',
        '2026-05-seed',
        [{ pool: 'integration', allowance: 1000, reset: 'the 1st of each month, 00:00 UTC' }],
      ],
    ]);
    const dup = await runCli(
      cmd(
        `workspace add --db ${db} --provider zite --plan free --name Side --catalog-version 2026-05-seed --id side`,
      ),
    );
    expect(dup.stderr).toBe(
      'creditbar: workspace add: There is already a workspace "side" in this cache. (--id)\n',
    );
    expect(await ok(cmd(`workspace remove --db ${db} side`))).toContain('removed Side (side)');
    const gone = await runCli(cmd(`workspace remove --db ${db} side`));
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('creditbar: workspace remove: There is no workspace "side" in this cache.\n');
  });

  test('remove takes the workspace’s alerts with it (and nobody else’s) and says how many', async () => {
    const db = cacheFile();
    for (const name of ['Side', 'Ops'])
      await ok(
        cmd(
          `workspace add --db ${db} --provider zite --plan free --name ${name} --catalog-version 2026-05-seed`,
        ),
      );
    // Alerts as the app or `creditbar watch` raise them into the same cache file.
    const cache = openCache(db, { now: () => Date.now() });
    const raise = (key: string, workspaceId: string) =>
      cache.alerts.record(raisedAlert(key, workspaceId, 'local', workspaceId));
    cache.transaction(() => {
      raise('s50', 'side');
      raise('s90', 'side');
      raise('o50', 'ops');
    });
    cache.close();
    expect(await ok(cmd(`workspace remove --db ${db} side`))).toBe(
      'removed Side (side) with its readings, usage and 2 alerts\n',
    );
    const after = openCache(db, { now: () => Date.now() });
    expect(after.alerts.list().map((a) => a.key)).toEqual(['o50']);
    after.close();
    expect(await ok(cmd(`workspace remove --db ${db} ops`))).toBe(
      'removed Ops (ops) with its readings, usage and 1 alert\n',
    );
  });
});

describe('reading add says the balance by the one percent rule of the card and the tray', () => {
  test('1 credit of 10,000 left is 99.9 % used (rounded down), never "100.0 %" beside a pool that is not dry', async () => {
    const db = cacheFile();
    await ok(addBase44Args(db, { name: 'Support studio', billingDay: 1 }));
    // On the app's clock, six hours after the reading: 10,000 − 1 = 9,999 used of 10,000 = 99.99 %,
    // which the card shows as 99.9 % (rounded down to a tenth): the pool is not dry.
    const r = await runCli(
      cmd(
        `reading add --db ${db} --workspace support-studio --pool integration --remaining 1 --at 2025-11-02T00:00:00Z`,
      ),
      { now: () => Date.parse('2025-11-02T06:00:00Z') },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  now: 9,999 of 10,000 used (99.9%), 1 left;');
  });
});

describe('reading add names what the credits are counted from', () => {
  test('a reading dated in a past period: since that period started, not since a reading that does not exist', async () => {
    const db = cacheFile();
    // The clock on Dec 3, 2025: November's period (Builder, 10,000 integration credits, reset on the
    // 1st) is over, December's runs from Dec 1.
    const now = () => Date.parse('2025-12-03T00:00:00Z');
    const run = async (args: string[]) => {
      const r = await runCli(args, { now });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    await run(addBase44Args(db, { name: 'Support studio', billingDay: 1 }));
    const add = (remaining: string, at: string) =>
      run(
        cmd(
          `reading add --db ${db} --workspace support-studio --pool integration --remaining ${remaining} --at ${at}`,
        ),
      );
    // Nov 10, the period's first reading: 10,000 - 9,001 = 999 used since Nov 1 began.
    expect(await add('9001', '2025-11-10T00:00:00Z')).toContain(
      '\n  999 used since the period started on 2025-11-01 00:00\n',
    );
    // Nov 12: 9,001 - 8,000 = 1,001 since the reading of Nov 10.
    expect(await add('8000', '2025-11-12T00:00:00Z')).toContain(
      '\n  1,001 used since the reading of 2025-11-10 00:00\n',
    );
    // Dec 2, December's first reading: 10,000 - 9,500 = 500 since Dec 1.
    expect(await add('9500', '2025-12-02T00:00:00Z')).toContain(
      '\n  500 used since the period started on 2025-12-01 00:00\n',
    );
  });
});
