import {
  accountSchema,
  channelSchema,
  type Channel,
  settingsPatchSchema,
  type Account,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/settings/settings';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { migrateSettings, SettingsTooNewError } from './settings-migrations';
import type { RoundedCredit } from './whole-credits';

/** Where the settings object is kept: electron-store in the app, a JSON file or memory elsewhere. */
export interface SettingsBackend {
  read(): unknown;
  write(settings: Settings): void;
}

/** Typed, validated settings. History never goes here (it lives in the cache), nor do tokens (secret store). */
export interface SettingsStore {
  get(): Settings;
  /** Applies a validated patch (what the renderer may change); throws on an invalid one. */
  update(patch: SettingsPatch): Settings;
  addAccount(account: Account): Settings;
  removeAccount(id: string): Settings;
  /** Adds a channel or replaces the one with its id (validated; its URL is never here). */
  saveChannel(channel: Channel): Settings;
  removeChannel(id: string): Settings;
  /** Set when the stored file is from a newer version: defaults apply and nothing is written. */
  readonly readOnlyReason: string | null;
  /** Budgets and credit thresholds the stored file held with a fraction, rounded up (and saved) on load. */
  readonly roundedOnLoad: readonly RoundedCredit[];
  onChange(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(backend: SettingsBackend): SettingsStore {
  let current: Settings;
  let readOnlyReason: string | null = null;
  let roundedOnLoad: readonly RoundedCredit[] = [];
  try {
    const migrated = migrateSettings(backend.read());
    current = migrated.settings;
    roundedOnLoad = migrated.rounded;
    if (migrated.changed) backend.write(current);
  } catch (err) {
    if (!(err instanceof SettingsTooNewError)) throw err;
    current = structuredClone(DEFAULT_SETTINGS);
    readOnlyReason = err.message;
  }
  const listeners = new Set<(s: Settings) => void>();
  const commit = (next: Settings): Settings => {
    if (readOnlyReason) throw new Error(readOnlyReason);
    backend.write(next);
    current = next;
    for (const l of listeners) l(current);
    return current;
  };
  return {
    get: () => current,
    update(patch) {
      const valid = settingsPatchSchema.parse(patch);
      return commit({ ...current, ...valid });
    },
    addAccount(account) {
      const valid = accountSchema.parse(account);
      return commit({ ...current, accounts: [...current.accounts.filter((a) => a.id !== valid.id), valid] });
    },
    removeAccount: (id) => commit({ ...current, accounts: current.accounts.filter((a) => a.id !== id) }),
    saveChannel(channel) {
      const valid = channelSchema.parse(channel);
      const exists = current.channels.some((c) => c.id === valid.id);
      const channels = exists
        ? current.channels.map((c) => (c.id === valid.id ? valid : c))
        : [...current.channels, valid];
      return commit({ ...current, channels });
    },
    removeChannel: (id) => commit({ ...current, channels: current.channels.filter((c) => c.id !== id) }),
    get readOnlyReason() {
      return readOnlyReason;
    },
    roundedOnLoad,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Settings in memory only (tests, a throwaway browser-mode run). */
export function createMemorySettingsBackend(initial?: unknown): SettingsBackend & { value: unknown } {
  const backend = {
    value: initial,
    read: () => structuredClone(backend.value),
    write: (s: Settings) => {
      backend.value = structuredClone(s);
    },
  };
  return backend;
}
