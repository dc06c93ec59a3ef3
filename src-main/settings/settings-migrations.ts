import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src-shared/settings/settings';
import { wholeCreditSettings, type RoundedCredit } from './whole-credits';

/** The settings version this build writes. */
export const SETTINGS_VERSION = DEFAULT_SETTINGS.version;

/** One step from `from` to `from + 1`, over plain JSON (older shapes have no types). */
export interface SettingsMigration {
  from: number;
  up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/** Keys that may hold a secret in a hand-edited or very old file: never kept in settings. */
const SECRET_KEYS = new Set(['token', 'apiToken', 'secret', 'password']);

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}

/**
 * Alert kinds added after a file was written get their default switch (a new kind that is off by
 * default must stay off), instead of the whole notifications object failing its exhaustive schema
 * and every switch the lead set falling back to the defaults.
 */
function withEveryAlertKind(raw: Record<string, unknown>): Record<string, unknown> {
  const notifications = raw['notifications'];
  if (!notifications || typeof notifications !== 'object' || Array.isArray(notifications)) return raw;
  const kinds = (notifications as Record<string, unknown>)['kinds'];
  if (!kinds || typeof kinds !== 'object' || Array.isArray(kinds)) return raw;
  return {
    ...raw,
    notifications: { ...notifications, kinds: { ...DEFAULT_SETTINGS.notifications.kinds, ...kinds } },
  };
}

/** Every step, oldest first. Version 0 is a file without a version (a first draft, or hand-made). */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  { from: 0, up: (raw) => ({ ...raw, version: 1 }) },
];

/** The settings file is from a newer Creditbar: it is used read-only (defaults) and never overwritten. */
export class SettingsTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `the settings were saved by a newer Creditbar (version ${found}, this one knows ${SETTINGS_VERSION}): update Creditbar; until then defaults apply and the file is left untouched`,
    );
    this.name = 'SettingsTooNewError';
  }
}

export interface MigratedSettings {
  settings: Settings;
  /** The stored value must be rewritten (it was older, incomplete or had invalid entries). */
  changed: boolean;
  /** Top-level keys that were invalid and fell back to their defaults. */
  reset: string[];
  /** Budgets and credit thresholds saved with a fraction, rounded up to whole credits. */
  rounded: RoundedCredit[];
}

/**
 * Brings stored settings to the current version: runs the migrations, drops anything that looks
 * like a secret, rounds fractional credits up (saying which), fills missing keys from the defaults,
 * and replaces invalid top-level values by their defaults (naming them) rather than refusing to start. Throws SettingsTooNewError for a newer file.
 */
export function migrateSettings(stored: unknown): MigratedSettings {
  if (stored === undefined || stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), changed: true, reset: [], rounded: [] };
  }
  let raw = withoutSecrets(stored) as Record<string, unknown>;
  const version = typeof raw['version'] === 'number' ? raw['version'] : 0;
  if (version > SETTINGS_VERSION) throw new SettingsTooNewError(version);
  for (const m of SETTINGS_MIGRATIONS) if (m.from >= version && m.from < SETTINGS_VERSION) raw = m.up(raw);
  raw = withEveryAlertKind(raw);
  // Not a version step: the file stays at its version, so an older Creditbar still reads it.
  const whole = wholeCreditSettings(raw);
  raw = whole.raw;

  const merged: Record<string, unknown> = { ...structuredClone(DEFAULT_SETTINGS) };
  const reset: string[] = [];
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in raw)) continue;
    const parsed = shape[key].safeParse(raw[key]);
    if (parsed.success) merged[key] = parsed.data;
    else reset.push(key);
  }
  const settings = settingsSchema.parse(merged);
  const changed =
    version !== SETTINGS_VERSION || reset.length > 0 || JSON.stringify(settings) !== JSON.stringify(stored);
  return { settings, changed, reset, rounded: whole.rounded };
}
