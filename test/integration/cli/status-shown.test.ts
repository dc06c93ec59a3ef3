import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appInstall } from '../app/runtime-fixture';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from './run-cli';

/**
 * `creditbar status` lists the workspaces the app's cards show, by the app's own rule: a cache that
 * holds another mode's workspaces (the demo tried first, then a ledger imported, after which the app
 * shows real accounts and this computer's workspaces only) names the others and says why.
 */
let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

describe('creditbar status and the cards show the same workspaces', { timeout: 120_000 }, () => {
  it('the demo tried, then a ledger imported: status lists the card’s workspace and names the demo’s as not shown', async () => {
    const first = install.start();
    first.runtime.start();
    await first.runtime.handlers.startDemo(undefined);
    await first.runtime.whenIdle();
    const demo = first.runtime.snapshot().workspaces.map((w) => w.name);
    expect(demo.length).toBeGreaterThan(0);
    await install.stop();

    // The lead's own usage log imported into the same cache: a workspace of this computer's, so the
    // app now shows it (and real accounts), no longer the demo's, which stay in the cache.
    const ledger: Ledger = { version: 1, workspaces: [base44Builder()], grants: [], events: [] };
    const db = install.dir.file('cache.sqlite');
    expect((await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db])).code).toBe(0);
    const second = install.start();
    second.runtime.start();
    await second.runtime.whenIdle();
    const cards = second.runtime.snapshot();
    expect(cards.mode).toBe('accounts');
    expect(cards.workspaces.map((w) => w.id)).toEqual(['studio']);
    await install.stop();

    const json = await runCliInProcess(['status', '--db', db, '--json']);
    expect(json.code).toBe(0);
    const pools = (JSON.parse(json.stdout) as { pools: { workspaceId: string; pool: string }[] }).pools;
    // Builder's two pools, in the one pool order; none of the demo's.
    expect(pools.map((p) => `${p.workspaceId}/${p.pool}`)).toEqual(['studio/integration', 'studio/message']);
    const why =
      'Not shown in the app (it shows your connected accounts and the workspaces kept on this computer): ' +
      demo.map((name) => `${name} (the demo)`).join(', ') +
      '.';
    expect(json.stderr).toBe(`creditbar: ${why}\n`);

    const text = await runCliInProcess(['status', '--db', db]);
    expect(text.stdout).toContain(`\n${why}\n`);
    for (const name of demo) expect(text.stdout).not.toMatch(new RegExp(`^${name}\\s`, 'm'));
    expect(text.stdout).toMatch(/^Studio\s+integration/m);
  });
});
