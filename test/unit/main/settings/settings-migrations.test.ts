import { describe, expect, it } from 'vitest';
import { migrateSettings, SettingsTooNewError } from '../../../../src-main/settings/settings-migrations';
import {
  createMemorySettingsBackend,
  createSettingsStore,
} from '../../../../src-main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(migrateSettings(undefined)).toEqual({
      settings: DEFAULT_SETTINGS,
      changed: true,
      reset: [],
      rounded: [],
    });
  });

  it('keeps current valid settings unchanged', () => {
    const stored = { ...DEFAULT_SETTINGS, syncIntervalMinutes: 10 };
    expect(migrateSettings(stored)).toEqual({ settings: stored, changed: false, reset: [], rounded: [] });
  });

  it('brings a file without a version to version 1, filling missing keys', () => {
    const { settings, changed } = migrateSettings({ syncIntervalMinutes: 15, theme: 'dark' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, syncIntervalMinutes: 15, theme: 'dark' });
    expect(changed).toBe(true);
  });

  it('turns daily update checks on for a file saved before the switch existed', () => {
    const { checkForUpdates: _omitted, ...before } = DEFAULT_SETTINGS;
    const { settings, reset } = migrateSettings({ ...before, startAtLogin: true });
    expect(settings.checkForUpdates).toBe(true);
    expect(settings.startAtLogin).toBe(true);
    expect(reset).toEqual([]);
  });

  it('drops anything that looks like a token, anywhere', () => {
    const { settings } = migrateSettings({
      ...DEFAULT_SETTINGS,
      token: 'leaked',
      accounts: [{ id: 'a', label: 'A', serverUrl: 'https://api.example.com', token: 'secret-token' }],
    });
    expect(JSON.stringify(settings)).not.toContain('secret-token');
    expect(JSON.stringify(settings)).not.toContain('leaked');
    expect(settings.accounts).toEqual([{ id: 'a', label: 'A', serverUrl: 'https://api.example.com' }]);
  });

  it('resets an invalid value to its default and names it', () => {
    const { settings, reset } = migrateSettings({
      ...DEFAULT_SETTINGS,
      syncIntervalMinutes: -3,
      theme: 'neon',
    });
    expect(settings.syncIntervalMinutes).toBe(DEFAULT_SETTINGS.syncIntervalMinutes);
    expect(settings.theme).toBe('system');
    expect(reset.sort()).toEqual(['syncIntervalMinutes', 'theme']);
  });

  it("gives alert kinds added later their default switch and keeps the lead's own", () => {
    // A file written before `recovered` and `reset` existed, with two kinds switched off by the lead.
    const { recovered: _r, reset: _s, ...older } = DEFAULT_SETTINGS.notifications.kinds;
    const stored = {
      ...DEFAULT_SETTINGS,
      notifications: {
        ...DEFAULT_SETTINGS.notifications,
        kinds: { ...older, drift: false, threshold: false },
      },
    };
    const { settings, reset } = migrateSettings(stored);
    expect(reset).toEqual([]);
    expect(settings.notifications.kinds).toMatchObject({
      drift: false,
      threshold: false,
      exhausted: true,
      recovered: false,
      reset: false,
    });
  });

  // Rounded up by hand: the engine counts a budget or threshold reached once use >= it, so with
  // whole-credit use 1,500.5 was reached at 1,501 and stays reached there; 0.4 becomes the least
  // whole budget, 1; whole values and percents (33.3 %) are left as they are.
  it.each([
    [1500.5, 1501],
    [1500.01, 1501],
    [1500.99, 1501],
    [0.4, 1],
  ])(
    'rounds a budget of %s credits up to %s, keeps whole ones, and keeps the file at its version',
    (from, to) => {
      const stored = {
        ...DEFAULT_SETTINGS,
        budgets: { studio: { ana: from, bo: 800 }, ops: { cy: 2000 } },
      };
      const { settings, changed, reset, rounded } = migrateSettings(stored);
      expect(settings.budgets).toEqual({ studio: { ana: to, bo: 800 }, ops: { cy: 2000 } });
      expect(settings.version).toBe(DEFAULT_SETTINGS.version);
      expect(changed).toBe(true);
      expect(reset).toEqual([]);
      expect(rounded).toEqual([{ kind: 'budget', workspaceId: 'studio', memberId: 'ana', from, to }]);
    },
  );

  it('rounds credit thresholds up (workspace and pool), merging two that meet, and leaves percents', () => {
    const { settings, rounded } = migrateSettings({
      ...DEFAULT_SETTINGS,
      thresholds: {
        acme: { unit: 'credits', values: [5000.2, 5000.7, 9000] },
        ops: { unit: 'percent', values: [33.3, 90] },
      },
      poolThresholds: { studio: { message: { unit: 'credits', values: [125.5] } } },
    });
    expect(settings.thresholds).toEqual({
      acme: { unit: 'credits', values: [5001, 9000] },
      ops: { unit: 'percent', values: [33.3, 90] },
    });
    expect(settings.poolThresholds).toEqual({ studio: { message: { unit: 'credits', values: [126] } } });
    expect(rounded.map((r) => [r.workspaceId, r.pool ?? null, r.from, r.to])).toEqual([
      ['acme', null, 5000.2, 5001],
      ['acme', null, 5000.7, 5001],
      ['studio', 'message', 125.5, 126],
    ]);
  });

  it('refuses a file from a newer version', () => {
    expect(() => migrateSettings({ ...DEFAULT_SETTINGS, version: 7 })).toThrow(SettingsTooNewError);
  });
});

describe('createSettingsStore', () => {
  it('writes migrated settings back and validates patches', () => {
    const backend = createMemorySettingsBackend({ theme: 'dark' });
    const store = createSettingsStore(backend);
    expect((backend.value as { version: number }).version).toBe(1);
    const seen: number[] = [];
    store.onChange((s) => seen.push(s.syncIntervalMinutes));
    expect(store.update({ syncIntervalMinutes: 2 }).syncIntervalMinutes).toBe(2);
    expect(seen).toEqual([2]);
    expect(() => store.update({ syncIntervalMinutes: 0 })).toThrow();
    expect(() => store.update({ version: 2 } as never)).toThrow();
    store.addAccount({ id: 'a1', label: 'Acme', serverUrl: 'https://api.example.com' });
    expect(store.get().accounts.map((a) => a.id)).toEqual(['a1']);
    expect(store.removeAccount('a1').accounts).toEqual([]);
  });

  it('saves the rounded budgets, so a budget form that sends them all back is no longer refused', () => {
    const backend = createMemorySettingsBackend({
      ...DEFAULT_SETTINGS,
      budgets: { studio: { ana: 1500.5 } },
    });
    const store = createSettingsStore(backend);
    expect((backend.value as typeof DEFAULT_SETTINGS).budgets).toEqual({ studio: { ana: 1501 } });
    expect(store.roundedOnLoad).toEqual([
      { kind: 'budget', workspaceId: 'studio', memberId: 'ana', from: 1500.5, to: 1501 },
    ]);
    // Settings' budget form sends every workspace's budgets with the one it changed.
    const next = store.update({ budgets: { ...store.get().budgets, ops: { cy: 2000 } } });
    expect(next.budgets).toEqual({ studio: { ana: 1501 }, ops: { cy: 2000 } });
    expect(createSettingsStore(backend).roundedOnLoad).toEqual([]); // said once: the file is whole now
  });

  it('uses defaults read-only and never overwrites a newer file', () => {
    const newer = { ...DEFAULT_SETTINGS, version: 3, theme: 'dark' };
    const backend = createMemorySettingsBackend(newer);
    const store = createSettingsStore(backend);
    expect(store.readOnlyReason).toMatch(/newer Creditbar/);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(() => store.update({ theme: 'light' })).toThrow(/newer Creditbar/);
    expect(backend.value).toEqual(newer);
  });
});
