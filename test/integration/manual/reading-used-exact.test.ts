import { afterEach, describe, expect, test } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { addBase44Args } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCliInProcess } from '../cli/run-cli';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/**
 * `reading add --used` more than the pool holds says both amounts by the shared credits rule for a
 * comparison (formatExactCredits): it printed what the pool holds in whole credits, so 9,999.6 read
 * "10,000" beside a typed 9,999.8, which is more than 9,999.6 and less than 10,000.
 */
describe('reading add --used over what the pool holds: both amounts as they compare', () => {
  test('9,999.6 held (10,000 and an adjustment of −0.4), 9,999.8 typed', async () => {
    const dir = tempDir('creditbar-reading-exact-');
    cleanups.push(dir.cleanup);
    const db = dir.file('cache.sqlite');
    const added = await runCliInProcess(addBase44Args(db, { name: 'Support studio', billingDay: 1 }));
    expect(added.code).toBe(0);
    // The platform took back 0.4 credits on Nov 2 (an adjustment, as a sync would store it).
    const cache = openCache(db);
    const ws = cache.read.workspaces.list().find((w) => w.workspace.id === 'support-studio')!;
    cache.write.grants.merge(ws.key, [
      {
        id: 'fix',
        workspaceId: 'support-studio',
        pool: 'integration',
        kind: 'adjustment',
        credits: -0.4,
        grantedAt: '2025-11-02T00:00:00Z',
      },
    ]);
    cache.close();
    const r = await runCliInProcess([
      ...['reading', 'add', '--db', db, '--workspace', 'support-studio', '--pool', 'integration'],
      ...['--used', '9999.8', '--at', '2025-11-09T00:00:00Z'],
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "creditbar: reading add: Support studio's integration pool holds 9,999.6 credits in that period, fewer than the 9,999.8 typed as used: check the number, or type the credits left instead if the platform added credits. (--used)\n",
    );
  });
});
