import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, samAndDevNovember } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from './run-cli';

/**
 * `creditbar status` lists pools most urgent first, as the tray and the overview do (the shared
 * comparePoolUrgency), not in the cache's pool order (integration, then message).
 */
describe('creditbar status lists pools in the urgency order', () => {
  it('the message pool, further used, before the integration pool', async () => {
    // Studio on Builder (10,000 integration, 250 message credits, renewing on the 1st) with Sam's
    // and Dev's November: 30 + 25 = 55 integration credits (0.55 %) and 55 messages (22 %). By
    // hand: neither is dry, at risk (messages burn 55 in 9.5 days, ~174 by Dec 1, under 250) or past
    // a threshold, so percent used decides: message (22 %) first, integration (0.55 %) second.
    const ledger: Ledger = {
      version: 1,
      workspaces: [base44Builder()],
      grants: [],
      events: samAndDevNovember(),
    };
    const db = join(mkdtempSync(join(tmpdir(), 'creditbar-order-')), 'cache.sqlite');
    const imported = await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db]);
    expect(imported.code).toBe(0);
    const text = await runCliInProcess(['status', '--db', db, '--as-of', '2026-11-10T00:00:00Z']);
    expect(text.code).toBe(0);
    const rows = text.stdout.split('\n').filter((l) => /^Studio\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[1])).toEqual(['message', 'integration']);
    expect(rows[0]).toMatch(/\s55 \/ 250\s+22%\s/);
    expect(rows[1]).toMatch(/\s55 \/ 10,000\s/);
  });
});
