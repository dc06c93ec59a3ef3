import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src-shared/settings/settings';
import { createMemorySettingsBackend, createSettingsStore } from '../../../src-main/settings/settings-store';
import { appInstall } from './runtime-fixture';

/**
 * A settings file saved before credits had to be whole, opened by the app: its fractional budget is
 * rounded up and saved, the lead is told once in words they know, and budgets can be saved again.
 */
let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

describe('a fractional budget in an older settings file', () => {
  it('is rounded up to whole credits, said in one notice naming the member and workspace, and saving budgets works', async () => {
    // First run: the workspace (with Ana Lima) is in the cache, as it was when the budget was set.
    const first = install.start();
    await first.runtime.handlers.addManualWorkspace({
      provider: 'base44',
      plan: 'builder',
      name: 'Support studio',
      billingDay: 1,
      members: [{ id: 'ana', name: 'Ana Lima' }],
    });
    await first.runtime.whenIdle();
    const saved = first.runtime.settings();
    await install.stop();

    // The file as an older Creditbar left it: a budget of 1,500.5 credits.
    const backend = createMemorySettingsBackend({ ...saved, budgets: { 'support-studio': { ana: 1500.5 } } });
    const { runtime } = install.start({ settings: createSettingsStore(backend) });
    await runtime.whenIdle();
    expect(runtime.settings().budgets).toEqual({ 'support-studio': { ana: 1501 } });
    expect((backend.value as Settings).budgets).toEqual({ 'support-studio': { ana: 1501 } });
    expect((backend.value as Settings).version).toBe(saved.version);
    expect(runtime.snapshot().notices?.map((n) => n.message)).toEqual([
      "Settings held credit values with a fraction, which Creditbar no longer takes: Ana Lima's budget in Support studio is now 1,501 credits (was 1,500.5); rounded up, so each alert comes at the same credit as before.",
    ]);
    // Settings' budget form sends every budget back with the one changed: refused before, whole now.
    const next = await runtime.handlers.updateSettings({
      budgets: { ...runtime.settings().budgets, other: { bo: 500 } },
    });
    expect(next.budgets).toEqual({ 'support-studio': { ana: 1501 }, other: { bo: 500 } });
  });
});
