import { describe, expect, test } from 'vitest';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, samAndDevNovember } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCliInProcess, tempFile } from './run-cli';

/**
 * A Base44 Builder workspace on the documentation's rules (10,000 integration and 250 message
 * credits, billing day 1: Nov 1 → Dec 1). Sam's budget is 100, Dev's 20. Sam spends 30 external API
 * calls (1 each) and 55 AI messages, Dev 25 calls on Nov 5 from 10:00, one a minute.
 */
const LEDGER: Ledger = {
  version: 1,
  workspaces: [
    base44Builder({
      members: [
        { id: 'sam', name: 'Sam Lee', budget: 100 },
        { id: 'dev', name: 'Dev Patel', budget: 20 },
      ],
    }),
  ],
  grants: [],
  events: samAndDevNovember(),
};
const AS_OF = '2026-11-20T12:00:00Z';

// Worked out by hand: budgets count integration credits only. Sam 30 of 100 (30%); Dev 25 of 20
// (125%), reaching 20 with his 20th call, Nov 5 10:19. The 55 message credits are no budget's.
const EXPECTED_LINES = [
  'Member budgets, Studio (integration):',
  '  Sam Lee: 30 of 100 (30%)',
  '  Dev Patel: 25 of 20 (125%), over budget since 2026-11-05 10:19 UTC',
].join('\n');

describe('a member budget counts integration credits, under that pool only', () => {
  test('the engine marks budgets and raises budget alerts on the integration pool only', () => {
    const evaluation = evaluateLedger(LEDGER, { asOf: Date.parse(AS_OF) });
    const pool = (kind: string) => evaluation.pools.find((p) => p.pool === kind)!;
    expect(pool('message').current.budgets).toEqual([]);
    expect(pool('integration').current.budgets).toEqual([
      { memberId: 'sam', budget: 100, used: 30, reachedAt: null },
      { memberId: 'dev', budget: 20, used: 25, reachedAt: Date.parse('2026-11-05T10:19:00Z') },
    ]);
    expect(
      evaluation.alerts.filter((a) => a.kind === 'member-budget').map((a) => [a.pool, a.memberId]),
    ).toEqual([['integration', 'dev']]);
  });

  test('creditbar evaluate and status print the workspace screen’s block under the integration pool', async () => {
    const file = tempFile('ledger.json', LEDGER);
    const evaluated = await runCliInProcess(['evaluate', file, '--as-of', AS_OF]);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.stdout).toContain(`\n${EXPECTED_LINES}\n`);
    expect(evaluated.stdout).not.toContain('(message):');

    // The same over a cache (the walk from checkpoints the app uses).
    const dir = tempDir();
    try {
      const db = dir.file();
      // Imported "on" the day asked about: a run two months after November would otherwise find its
      // raw events dropped (the cache keeps the current and the previous period raw).
      const importedAt = () => Date.parse(AS_OF);
      expect((await runCliInProcess(['import', file, '--db', db], { now: importedAt })).code).toBe(0);
      const status = await runCliInProcess(['status', '--db', db, '--as-of', AS_OF]);
      expect(status.stderr).toBe('');
      expect(status.stdout).toContain(`\n${EXPECTED_LINES}\n`);
      expect(status.stdout).not.toContain('(message):');
    } finally {
      dir.cleanup();
    }
  });
});
