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

  // The rows told them apart, but the Alerts lines both began "Studio: 0.1% of the integration pool
  // used ...". A threshold of 0.1% is 10 credits: studio-a reaches it at its 10th call (10:09),
  // studio-b at its 10th too, on Nov 3.
  it('each alert sentence names the workspace as its row does', async () => {
    const thresholds = [0.1];
    const ledger: Ledger = {
      version: 1,
      workspaces: [
        base44Builder({ id: 'studio-a', thresholds }),
        base44Builder({ id: 'studio-b', thresholds }),
      ],
      grants: [],
      events: [
        ...minuteCalls('studio-a', 'sam', 'integration', 'external_api', 30, '2026-11-03'),
        ...minuteCalls('studio-b', 'sam', 'integration', 'external_api', 12, '2026-11-04'),
      ],
    };
    const db = join(mkdtempSync(join(tmpdir(), 'creditbar-same-names-')), 'cache.sqlite');
    const asOf = '2026-11-10T00:00:00Z';
    const file = tempFile('ledger.json', ledger);
    expect((await runCliInProcess(['import', file, '--db', db], { now: () => Date.parse(asOf) })).code).toBe(
      0,
    );
    const status = await runCliInProcess(['status', '--db', db, '--as-of', asOf]);
    const evaluate = await runCliInProcess(['evaluate', file, '--as-of', asOf]);
    for (const r of [status, evaluate]) {
      expect(r.code).toBe(0);
      const alerts = r.stdout.split('\n').filter((l) => / of the integration pool used /.test(l));
      expect(alerts.map((l) => l.trim())).toEqual([
        '2026-11-03 10:09  Studio (studio-a): 0.1% of the integration pool used on 2026-11-03 10:09 UTC; it resets on 2026-12-01.',
        '2026-11-04 10:09  Studio (studio-b): 0.1% of the integration pool used on 2026-11-04 10:09 UTC; it resets on 2026-12-01.',
      ]);
    }
    const json = await runCliInProcess(['status', '--db', db, '--as-of', asOf, '--json']);
    const messages = (JSON.parse(json.stdout) as { alerts: { message: string }[] }).alerts.map(
      (a) => a.message,
    );
    expect(messages.map((m) => m.split(':')[0])).toEqual(['Studio (studio-a)', 'Studio (studio-b)']);
  });
});
