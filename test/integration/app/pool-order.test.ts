import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBase44Args } from '../../fixtures/base44-builder';
import { runCliInProcess } from '../cli/run-cli';
import { appInstall } from './runtime-fixture';

/**
 * A hand-kept Base44 workspace added from the CLI lists its pools in the one order every surface
 * uses (src-shared/types/ledger.ts POOL_ORDER): integration, then message, as the demo's Support
 * studio does. Base44's catalog plan names the message pool first; a cache written by an earlier
 * release stored it first too.
 */
let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

const INTEGRATION_THEN_MESSAGE = ['integration', 'message'];

async function everySurface(db: string) {
  const status = await runCliInProcess(['status', '--db', db, '--json']);
  const list = await runCliInProcess(['workspace', 'list', '--db', db]);
  const { runtime } = install.start();
  runtime.start();
  await runtime.whenIdle();
  const card = runtime.snapshot().workspaces.find((w) => w.id === 'studio')!;
  await install.stop();
  return {
    status: (JSON.parse(status.stdout) as { pools: { pool: string }[] }).pools.map((p) => p.pool),
    list: list.stdout,
    card: card.pools.map((p) => p.pool),
  };
}

describe('one pool order, CLI and app', () => {
  it('a Builder workspace added with creditbar workspace add: integration first in the CLI and on the card', async () => {
    const db = install.dir.file('cache.sqlite');
    const added = await runCliInProcess(addBase44Args(db, { name: 'Studio', billingDay: 15 }));
    expect(added.code).toBe(0);
    // Builder on the documentation's rules: 10,000 integration and 250 message credits.
    expect(added.stderr).toMatch(/integration 10,000 \(resets day 15.*\); message 250 \(resets day 15/);
    const seen = await everySurface(db);
    expect(seen.status).toEqual(INTEGRATION_THEN_MESSAGE);
    expect(seen.card).toEqual(INTEGRATION_THEN_MESSAGE);
    expect(seen.list).toContain('integration 10,000, message 250');
  });

  it('pools declared with their own allowance, stored message first by an earlier release: the same order', async () => {
    const db = install.dir.file('cache.sqlite');
    const added = await runCliInProcess(
      addBase44Args(db, { name: 'Studio', billingDay: 15 }, '--allowance', 'message=300'),
    );
    expect(added.code).toBe(0);
    const raw = new Database(db);
    raw.exec("UPDATE pools SET position = CASE pool WHEN 'message' THEN 0 ELSE 1 END");
    expect(raw.prepare('SELECT pool FROM pools ORDER BY position').pluck().all()).toEqual([
      'message',
      'integration',
    ]);
    raw.close();
    const seen = await everySurface(db);
    expect(seen.status).toEqual(INTEGRATION_THEN_MESSAGE);
    expect(seen.card).toEqual(INTEGRATION_THEN_MESSAGE);
    expect(seen.list).toContain('integration 10,000, message 300');
  });
});
