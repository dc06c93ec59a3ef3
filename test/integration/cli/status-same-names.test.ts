import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, minuteCalls } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from './run-cli';

/**
 * Two workspaces both named "Studio" (ids studio-a and studio-b, Base44 Builder: 10,000 integration
 * credits): `creditbar status` printed two rows "Studio  integration ..." that only their numbers
 * told apart. By hand: studio-a's 30 external API calls are 30 credits, studio-b's 12 are 12.
 */
describe('creditbar status tells workspaces of the same name apart', () => {
  it('each row and data line names the workspace with its id', async () => {
    const ledger: Ledger = {
      version: 1,
      workspaces: [base44Builder({ id: 'studio-a' }), base44Builder({ id: 'studio-b' })],
      grants: [],
      events: [
        ...minuteCalls('studio-a', 'sam', 'integration', 'external_api', 30, '2026-11-03'),
        ...minuteCalls('studio-b', 'sam', 'integration', 'external_api', 12, '2026-11-03'),
      ],
    };
    const db = join(mkdtempSync(join(tmpdir(), 'creditbar-same-names-')), 'cache.sqlite');
    const asOf = '2026-11-10T00:00:00Z';
    const imported = await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db], {
      now: () => Date.parse(asOf),
    });
    expect(imported.code).toBe(0);
    const r = await runCliInProcess(['status', '--db', db, '--as-of', asOf]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^Studio .*integration/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows.find((l) => l.startsWith('Studio (studio-a) '))).toMatch(/ 30 \/ 10,000 /);
    expect(rows.find((l) => l.startsWith('Studio (studio-b) '))).toMatch(/ 12 \/ 10,000 /);
    expect(r.stdout).toMatch(/^ {2}Studio \(studio-a\): /m);
    expect(r.stdout).toMatch(/^ {2}Studio \(studio-b\): /m);
  });
});
