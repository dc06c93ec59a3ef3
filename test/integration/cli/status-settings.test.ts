import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { NO_SETTINGS_NOTE } from '../../../src-main/cli/commands/status';
import { base44Builder, samAndDevNovember } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCli, runCliInProcess } from './run-cli';

/**
 * A Base44 Builder workspace on the documentation's rules (10,000 integration and 250 message
 * credits, billing day 1: Nov 1 → Dec 1) whose account sets no budgets and no thresholds (the
 * engine's defaults: 50, 90, 100 %). Sam makes 30 external API calls (1 credit each) on Nov 3 and
 * 55 AI messages on Nov 4, Dev 25 calls on Nov 5, each run one a minute from 10:00.
 */
const LEDGER: Ledger = {
  version: 1,
  workspaces: [
    base44Builder({
      members: [
        { id: 'sam', name: 'Sam Lee' },
        { id: 'dev', name: 'Dev Patel' },
      ],
    }),
  ],
  grants: [],
  events: samAndDevNovember(),
};
const AS_OF = '2026-11-20T12:00:00Z';

/**
 * What the lead set in Settings only: Sam's budget 20, a workspace-wide threshold of 50 credits, and
 * 10 % on the message pool (the pool's own wins over the workspace's there).
 */
const SETTINGS = {
  version: 1,
  budgets: { studio: { sam: 20 } },
  thresholds: { studio: { unit: 'credits', values: [50] } },
  poolThresholds: { studio: { message: { unit: 'percent', values: [10] } } },
};

// Worked out by hand from the rules:
// - Sam's budget counts integration credits: 30 of 20 (150 %), reached with his 20th call, Nov 3 10:19.
// - Integration: 50 credits of 10,000 is 0.5 %; the 50th credit is Sam's 30 then Dev's 20th call,
//   Nov 5 10:19. Used 55 of 10,000 (0.55 %): under every default mark.
// - Message: 10 % of 250 is 25 credits, Sam's 25th message, Nov 4 10:24. Used 55 of 250 (22 %):
//   under the default 50 %, so without Settings there is no alert at all.
const BUDGET_LINES = [
  'Member budgets, Studio (integration):',
  '  Sam Lee: 30 of 20 (150%), over budget since 2026-11-03 10:19 UTC',
].join('\n');

describe('creditbar status --data applies the budgets and thresholds set in Settings, as the card does', () => {
  const tmp = tempDir('creditbar-status-data-');
  const folder = join(tmp.dir, 'data');
  const db = join(folder, 'cache.sqlite');

  beforeAll(async () => {
    mkdirSync(folder, { mode: 0o700 });
    const ledger = join(tmp.dir, 'ledger.json');
    writeFileSync(ledger, JSON.stringify(LEDGER));
    // Imported on the day the tests ask about: with the real clock a run from January 2027 on would
    // drop November's raw events (the cache keeps the current and the previous period raw).
    const importedAt = () => Date.parse(AS_OF);
    expect((await runCliInProcess(['import', ledger, '--db', db], { now: importedAt })).code).toBe(0);
    writeFileSync(join(folder, 'settings.json'), JSON.stringify(SETTINGS));
  });
  afterAll(() => tmp.cleanup());

  test('--data: the member budget and the thresholds from Settings, in text (the bin itself)', async () => {
    const status = await runCli(['status', '--data', folder, '--as-of', AS_OF]);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`\n${BUDGET_LINES}\n`);
    expect(status.stdout).not.toContain(NO_SETTINGS_NOTE);
    // The pool rows are the card's figures; the alerts its alert centre's words (credits where set in credits).
    // A ledger import never syncs: its cards, and so the State column, say Stale.
    expect(status.stdout).toMatch(/Studio +message +Stale +55 \/ 250 +22% +195 /);
    expect(status.stdout).toMatch(/Studio +integration +Stale +55 \/ 10,000 +0\.5% +9,945 /);
    expect(status.stdout).toContain(
      [
        'Alerts:',
        '  2026-11-03 10:19  Studio: Sam Lee used 30 integration credits this period, reaching the budget of 20.',
        '  2026-11-04 10:24  Studio: 10% of the message pool used on 2026-11-04 10:24 UTC; it resets on 2026-12-01.',
        '  2026-11-05 10:19  Studio: 50 credits of the integration pool used on 2026-11-05 10:19 UTC; it resets on 2026-12-01.',
        '',
      ].join('\n'),
    );
  });

  test('--data over the desktop app\'s folder: electron-store keeps the settings under "settings"', async () => {
    const desktop = join(tmp.dir, 'desktop');
    mkdirSync(desktop, { mode: 0o700 });
    copyFileSync(db, join(desktop, 'cache.sqlite'));
    writeFileSync(join(desktop, 'settings.json'), JSON.stringify({ settings: SETTINGS }));
    const status = await runCliInProcess(['status', '--data', desktop, '--as-of', AS_OF]);
    expect(status.stderr).toBe('');
    expect(status.stdout).toContain(`\n${BUDGET_LINES}\n`);
  });

  test("--data --json: the marks in force are the lead's, reached when worked out above", async () => {
    const status = await runCliInProcess(['status', '--data', folder, '--as-of', AS_OF, '--json']);
    expect(status.stderr).toBe('');
    const json = JSON.parse(status.stdout) as {
      pools: { pool: string; used: number; thresholds: { percent: number; reachedAt: string | null }[] }[];
    };
    const pool = (kind: string) => json.pools.find((p) => p.pool === kind)!;
    expect(pool('integration').used).toBe(55);
    expect(pool('integration').thresholds).toEqual([{ percent: 0.5, reachedAt: '2026-11-05T10:19:00.000Z' }]);
    expect(pool('message').thresholds).toEqual([{ percent: 10, reachedAt: '2026-11-04T10:24:00.000Z' }]);
  });

  test("--db: the account's only (the defaults), and it says Settings are left out", async () => {
    const status = await runCliInProcess(['status', '--db', db, '--as-of', AS_OF]);
    expect(status.stderr).toBe('');
    expect(status.stdout).not.toContain('Member budgets');
    expect(status.stdout).toContain('No alerts.');
    expect(status.stdout).toContain(`\n${NO_SETTINGS_NOTE}\n`);
    const json = await runCliInProcess(['status', '--db', db, '--as-of', AS_OF, '--json']);
    expect(json.stdout).not.toContain('Note:');
    expect(JSON.parse(json.stdout).pools[0].thresholds.map((t: { percent: number }) => t.percent)).toEqual([
      50, 90, 100,
    ]);
  });

  test('wrong flags and folders: one sentence, a non-zero exit, no stack trace', async () => {
    const said = async (args: string[], code: number, sentence: RegExp) => {
      const r = await runCliInProcess(['status', ...args, '--as-of', AS_OF]);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };
    await said(
      ['--data', folder, '--db', db],
      2,
      /^creditbar: status: give --data DIR .* or --db FILE .*, not both\n/,
    );
    await said([], 2, /^creditbar: status: missing --data DIR .* or --db FILE/);
    const missing = join(tmp.dir, 'no-such-folder');
    await said(['--data', missing], 1, /^creditbar: no data folder at .*no-such-folder: /);
    expect(existsSync(missing)).toBe(false); // a typo creates nothing
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    await said(['--data', empty], 1, /^creditbar: no cache in .*empty \(cache\.sqlite\): /);
    expect(readdirSync(empty)).toEqual([]);

    const broken = join(tmp.dir, 'broken');
    mkdirSync(broken);
    copyFileSync(db, join(broken, 'cache.sqlite'));
    const text = '{ "version": 1, "budgets": { "studio": { "sam": 20 }, }';
    writeFileSync(join(broken, 'settings.json'), text);
    await said(
      ['--data', broken],
      1,
      /^creditbar: the settings file .*settings\.json is not valid JSON \(.*\): fix it/,
    );
    expect(readFileSync(join(broken, 'settings.json'), 'utf8')).toBe(text); // left as it was

    writeFileSync(join(broken, 'settings.json'), JSON.stringify({ ...SETTINGS, version: 99 }));
    await said(
      ['--data', broken],
      1,
      /^creditbar: .*settings\.json: the settings were saved by a newer Creditbar/,
    );
  });
});
