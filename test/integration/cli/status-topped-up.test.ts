import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from './run-cli';

const message = (id: string, credits: number, occurredAt: string): UsageEvent => ({
  id,
  workspaceId: 'studio',
  pool: 'message',
  memberId: 'sam',
  action: 'message',
  credits,
  occurredAt,
});

/**
 * Studio's message pool (250 a month from Dec 1) ran dry at 10:00 on Dec 1 (one message of 250),
 * refused 3 messages at 11:00, got a 100-credit top-up on Dec 2 and spent 20 of it: 270 of 350
 * used, 80 left. Its card counts down to the reset (Jan 1 00:00, 27 days 14 hours after Dec 4
 * 10:00); `creditbar status` said "dry since 2026-12-01 10:00" in its Resets in column.
 */
describe('creditbar status: a pool topped up after it ran dry', () => {
  it('counts down to the reset and keeps the 3 refused calls in Blocked', async () => {
    const ledger: Ledger = {
      version: 1,
      workspaces: [base44Builder()],
      grants: [
        {
          id: 'top-up',
          workspaceId: 'studio',
          pool: 'message',
          kind: 'top-up',
          credits: 100,
          grantedAt: '2026-12-02T00:00:00Z',
          expiresAt: null,
        },
      ],
      events: [
        message('m1', 250, '2026-12-01T10:00:00Z'),
        message('m2', 1, '2026-12-01T11:00:00Z'),
        message('m3', 1, '2026-12-01T11:01:00Z'),
        message('m4', 1, '2026-12-01T11:02:00Z'),
        message('m5', 20, '2026-12-02T12:00:00Z'),
      ],
    };
    const asOf = '2026-12-04T10:00:00Z';
    const db = join(mkdtempSync(join(tmpdir(), 'creditbar-topped-up-')), 'cache.sqlite');
    const imported = await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db], {
      now: () => Date.parse(asOf),
    });
    expect(imported.code).toBe(0);
    const r = await runCliInProcess(['status', '--db', db, '--as-of', asOf]);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => /^Studio +message /.test(l));
    expect(row).toMatch(/ 270 \/ 350 +77\.1% +80 +27d 14h +.* 3$/);
  });
});
