import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { EvaluationJson } from '../../../src-shared/engine/status-json';
import { addBase44Args } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCli, runCliInProcess } from '../cli/run-cli';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

// Loading the CLI's module graph into this process (transformed on first import: ~5 s at a load of
// 10) is the file's set-up, under the hook timeout, not the first test's. Each test then runs the
// commands in this process; one runs the real bin (a node + tsx start: ~1 s of CPU, 3-4 s of wall
// time on a loaded 2-core machine) so the binary stays covered.
beforeAll(() => import('../../../src-main/cli/cli'));

/** A cache with a manual Base44 Builder workspace (billing day 1) and the files a test writes. */
async function setUp(files: Record<string, string>) {
  const dir = tempDir('creditbar-csv-');
  cleanups.push(dir.cleanup);
  const db = dir.file('cache.sqlite');
  const add = await runCliInProcess(addBase44Args(db, { name: 'Studio', billingDay: 1 }));
  expect(add.stdout).toBe('studio\n');
  const { writeFileSync } = await import('node:fs');
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = dir.file(name);
    writeFileSync(paths[name], text);
  }
  return { db, paths };
}

const usage = [
  '\uFEFFDate,Type,Credits,User,App',
  '2025-11-03 10:00,llm,3,ana,crm',
  '2025-11-03T11:00:00Z,email,,bo,"support, eu"',
  '"2025-11-04 09:30:15",file,,ana,crm',
  '2025-11-04T12:00:00+02:00,pdf,4,,',
  '2025-12-01,external_api,,cy,crm',
  '',
].join('\n');

async function status(db: string, asOf: string) {
  return JSON.parse(
    (await runCliInProcess(['status', '--db', db, '--as-of', asOf, '--json'])).stdout,
  ) as EvaluationJson;
}

describe('creditbar import USAGE.csv', () => {
  test('--dry-run prints the mapping, the first rows as events and the totals by month, and stores nothing', async () => {
    const { db, paths } = await setUp({ 'usage.csv': usage });
    // The bin itself, as a user runs it (the file's one child process).
    const r = await runCli(['import', paths['usage.csv']!, '--db', db, '--workspace', 'studio', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('occurredAt ← "Date" (matched by name)');
    expect(r.stdout).toContain('id         ← (none: derived from each row');
    // Line 5 is 12:00 at +02:00: 10:00 UTC. Base44's docs price a standard email at 1, a file at 1.
    expect(r.stdout).toMatch(
      /\s5\s+2025-11-04T10:00:00\.000Z\s+integration\s+\(not given\)\s+pdf\s+4\s+csv-/,
    );
    expect(r.stdout).toMatch(
      /\s3\s+2025-11-03T11:00:00\.000Z\s+integration\s+bo\s+email\s+support, eu\s+1 \(priced\)/,
    );
    // November: 3 + 1 + 1 + 4 = 9 credits from 4 rows (2 priced); December: 1 from 1.
    expect(r.stdout).toMatch(/2025-11\s+4\s+9\s+2/);
    expect(r.stdout).toMatch(/2025-12\s+1\s+1\s+1/);
    expect(r.stdout).toContain('nothing stored (--dry-run)');
    expect((await status(db, '2025-11-20T00:00:00Z')).pools.find((p) => p.pool === 'integration')!.used).toBe(
      0,
    );
  });

  test('imports once: the same file again adds nothing, and the balance is what the rows say', async () => {
    const { db, paths } = await setUp({ 'usage.csv': usage });
    const first = await runCliInProcess(['import', paths['usage.csv']!, '--db', db, '--workspace', 'studio']);
    expect(first.stdout).toBe(
      'imported usage.csv into studio: 5 new event(s) from 5 row(s) over 2 month(s)\n',
    );
    const again = await runCliInProcess(['import', paths['usage.csv']!, '--db', db, '--workspace', 'studio']);
    expect(again.stdout).toBe(
      'imported usage.csv into studio: 0 new event(s) from 5 row(s) over 2 month(s); 5 already in the cache\n',
    );
    const pool = (await status(db, '2025-11-20T00:00:00Z')).pools.find((p) => p.pool === 'integration')!;
    expect(pool).toMatchObject({
      used: 9,
      byMember: { ana: 4, '(not given)': 4, bo: 1 },
      byApp: { crm: 4, '(no app)': 4, 'support, eu': 1 },
    });
    // Its data reaches the newest row (Dec 1, 00:00 UTC), said in the app's words.
    const text = (await runCliInProcess(['status', '--db', db, '--as-of', '2025-12-02T00:00:00Z'])).stdout;
    expect(text).toMatch(/: added by hand; newest imported event 2025-12-01 00:00 UTC\n/);
  });

  test('a bad row stops the import, naming its line and column; nothing of the file is stored', async () => {
    const bad = usage.replace('2025-11-04,', 'x').replace('"2025-11-04 09:30:15"', '04/11/2025 09:30');
    const { db, paths } = await setUp({
      'bad.csv': bad,
      'neg.csv': usage.replace('pdf,4', 'pdf,-4'),
      'pool.csv': 'Date,Type,Pool\n2025-11-03,llm,integration\n2025-11-03,llm,workflow\n',
    });
    const cases: [string, string][] = [
      [
        'bad.csv',
        'creditbar: import: bad.csv line 4, column "Date": "04/11/2025 09:30" is not a date: use ISO 8601 (2026-11-03T10:00:00Z) or YYYY-MM-DD HH:MM[:SS] (UTC)\n',
      ],
      [
        'neg.csv',
        'creditbar: import: neg.csv line 5, column "Credits": -4 is negative: a row records what a call cost\n',
      ],
      [
        'pool.csv',
        'creditbar: import: pool.csv line 3, column "Pool": "workflow" is not a pool of studio (integration, message)\n',
      ],
    ];
    for (const [file, message] of cases) {
      const r = await runCliInProcess(['import', paths[file]!, '--db', db, '--workspace', 'studio']);
      expect(r.code, file).toBe(1);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
    const s = await status(db, '2025-11-20T00:00:00Z');
    expect(s.pools.map((p) => p.used)).toEqual([0, 0]);
  });

  // Credits are written one way wherever a figure is typed or read: a fraction is a valid charge
  // (the ledger, the account API and a reading take 2.5 too), and a spreadsheet's quoted "1,200" is
  // 1,200 as `--remaining 1,200` and the reading field read it; the CSV refused it as "not a number".
  test('a credits cell reads as a typed figure: "1,200" and 2.5, counted exactly', async () => {
    const csv =
      'Date,Type,Credits\n2025-11-03 10:00,llm,"1,200"\n2025-11-03 11:00,llm,2.5\n2025-11-03 12:00,llm,1 000\n';
    const { db, paths } = await setUp({ 'grouped.csv': csv });
    const r = await runCliInProcess(['import', paths['grouped.csv']!, '--db', db, '--workspace', 'studio']);
    expect(r.stderr).toBe('');
    // 1,200 + 2.5 + 1,000 = 2,202.5 of Builder's 10,000.
    const pool = (await status(db, '2025-11-20T00:00:00Z')).pools.find((p) => p.pool === 'integration')!;
    expect(pool.used).toBe(2202.5);
    const bad = await setUp({ 'comma.csv': 'Date,Type,Credits\n2025-11-03 10:00,llm,"1,5"\n' });
    const refused = await runCliInProcess([
      'import',
      bad.paths['comma.csv']!,
      '--db',
      bad.db,
      '--workspace',
      'studio',
    ]);
    expect(refused.stderr).toBe(
      'creditbar: import: comma.csv line 2, column "Credits": "1,5" is not a number\n',
    );
    // The CLI's figure takes a group of three after a no-break space, as the reading field does.
    const reading = await runCliInProcess(
      [
        'reading',
        'add',
        '--db',
        db,
        '--workspace',
        'studio',
        '--pool',
        'integration',
        '--used',
        '2\u00a0300',
        '--at',
        '2025-11-19T00:00:00Z',
      ],
      { now: () => Date.parse('2025-11-20T00:00:00Z') },
    );
    expect(reading.stderr).toBe('');
  });

  // A typo year (2052 for 2025) used to be stored, opening a period decades ahead; so was a 5,000
  // character "action" (a column mapped wrong). The collector refuses both from a reporting app.
  test('a row dated decades off or a cell longer than the collector takes is refused; the earlier import stays', async () => {
    const row = (date: string, action = 'llm') => `Date,Type,Credits,User,App\n${date},${action},3,ana,crm\n`;
    const { db, paths } = await setUp({
      'usage.csv': usage,
      'ahead.csv': row('2052-11-03 10:00'),
      'old.csv': row('1999-11-03 10:00'),
      'long.csv': row('2025-11-03 10:00', 'x'.repeat(5000)),
      // A quoted cell running over two lines: the action was stored as "llm\nemail", breaking every table.
      'broken.csv': 'Date,Type,Credits,User,App\n2025-11-03 10:00,"llm\nemail",3,ana,crm\n',
    });
    const now = () => Date.parse('2025-12-02T00:00:00Z');
    const first = await runCliInProcess(
      ['import', paths['usage.csv']!, '--db', db, '--workspace', 'studio'],
      {
        now,
      },
    );
    expect(first.code, first.stderr).toBe(0);
    const cases: [string, string][] = [
      [
        'ahead.csv',
        'creditbar: import: ahead.csv line 2, column "Date": "2052-11-03 10:00" is more than a day after now (2025-12-02 00:00 UTC): check the year and the zone\n',
      ],
      [
        'old.csv',
        'creditbar: import: old.csv line 2, column "Date": "1999-11-03 10:00" is before 2000-01-01: check the year\n',
      ],
      [
        'long.csv',
        'creditbar: import: long.csv line 2, column "Type": 5,000 characters, where an action has at most 200: is it the right column?\n',
      ],
      [
        'broken.csv',
        'creditbar: import: broken.csv line 2, column "Type": "llm\\nemail" holds a line break or control character: check the quoting\n',
      ],
    ];
    for (const [file, message] of cases) {
      const r = await runCliInProcess(['import', paths[file]!, '--db', db, '--workspace', 'studio'], { now });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toBe(message);
    }
    // What usage.csv stored, by hand: November's llm 3 + email 1 (priced) + file 1 (priced) + pdf 4.
    const s = await status(db, '2025-11-20T00:00:00Z');
    expect(s.pools.find((p) => p.pool === 'integration')!.used).toBe(9);
  });

  test('wrong command lines exit 2 with the usage', async () => {
    const { db, paths } = await setUp({ 'usage.csv': usage });
    const noWorkspace = await runCliInProcess(['import', paths['usage.csv']!, '--db', db]);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toContain('import: a CSV goes into one workspace: give --workspace ID');
    const badMap = await runCliInProcess([
      'import',
      paths['usage.csv']!,
      '--db',
      db,
      '--workspace',
      'studio',
      '--map',
      'when=Date',
    ]);
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toContain('--map "when=Date": expected FIELD=COLUMN');
  });
});
