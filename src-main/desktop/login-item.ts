// "Start Creditbar at login": one setting, three mechanisms (macOS login items and the Windows Run
// key through Electron, an XDG autostart entry on Linux). The decisions are here, in plain Node; the
// Electron calls live in login-item-electron.ts.
import {
  autostartDir,
  launchTarget,
  readAutostart,
  removeAutostart,
  writeAutostart,
  type AutostartEntry,
} from './xdg-autostart';

/** What the system will do at the next login. */
export interface LoginItemState {
  enabled: boolean;
  /** The registration starts this copy as it is now (false: a moved AppImage, an old path). */
  current: boolean;
}

/** One platform's start-at-login mechanism. */
export interface LoginItemBackend {
  read(): LoginItemState;
  enable(): void;
  disable(): void;
}

export type LoginItemAction = 'enable' | 'disable' | null;

export interface LoginItemPlan {
  /** What to ask the system to do. */
  apply: LoginItemAction;
  /** The setting to store instead of the one held (the user changed it in the system's own tool). */
  adopt: boolean | null;
}

/**
 * What to do about start at login. At start the system's state wins over the stored setting when
 * they differ: the lead removed Creditbar in GNOME's Startup Applications, Windows' Task Manager or
 * macOS' Login Items, and re-adding it behind their back would be wrong; the checkbox follows. After
 * that, a change of the setting is applied. An enabled entry that starts another path is rewritten.
 */
export function planLoginItem(wanted: boolean, system: LoginItemState, atStart: boolean): LoginItemPlan {
  if (atStart && wanted !== system.enabled) return { apply: null, adopt: system.enabled };
  if (wanted) return { apply: system.enabled && system.current ? null : 'enable', adopt: null };
  return { apply: system.enabled ? 'disable' : null, adopt: null };
}

export interface LinuxLoginItemOptions {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  execPath: string;
  name?: string;
}

/** Start at login on Linux through ~/.config/autostart (or $XDG_CONFIG_HOME/autostart). */
export function createLinuxLoginItem(options: LinuxLoginItemOptions): LoginItemBackend & {
  dir: string;
  entry: AutostartEntry;
} {
  const dir = autostartDir(options.env, options.home);
  const entry: AutostartEntry = {
    name: options.name ?? 'Creditbar',
    comment: 'Tray monitor for shared integration-credit pools',
    executable: launchTarget(options.env, options.execPath),
    icon: 'creditbar',
  };
  return {
    dir,
    entry,
    read: () => readAutostart(dir, entry),
    enable: () => void writeAutostart(dir, entry),
    disable: () => removeAutostart(dir),
  };
}

/** Where start at login reads and stores the setting. */
export interface LoginItemSetting {
  get(): boolean;
  set(value: boolean): void;
  onChange(listener: (value: boolean) => void): () => void;
}

export interface LoginItemLog {
  info(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * Keeps the system's start-at-login in step with the setting: reconciles once now (the system wins,
 * see planLoginItem), then applies every change of the setting. A failure (a read-only autostart
 * folder, a policy) is logged with its reason, the setting goes back to what the system really does
 * (so the checkbox never claims more), and the app keeps running. Returns the unsubscribe.
 */
export function syncLoginItem(
  backend: LoginItemBackend,
  setting: LoginItemSetting,
  log: LoginItemLog,
): () => void {
  let last = setting.get();
  const store = (value: boolean) => {
    last = value;
    setting.set(value);
  };
  const run = (wanted: boolean, atStart: boolean) => {
    try {
      const plan = planLoginItem(wanted, backend.read(), atStart);
      if (plan.adopt !== null) {
        log.info('start at login changed outside Creditbar: the setting follows', { enabled: plan.adopt });
        store(plan.adopt);
      }
      if (plan.apply === 'enable') backend.enable();
      if (plan.apply === 'disable') backend.disable();
      if (plan.apply) log.info('start at login updated', { enabled: plan.apply === 'enable' });
    } catch (err) {
      log.error('start at login could not be updated', { error: err });
      let actual: boolean | null = null;
      try {
        actual = backend.read().enabled;
      } catch {
        // Unreadable too: leave the setting as the lead set it.
      }
      if (actual !== null && actual !== wanted) store(actual);
    }
  };
  run(last, true);
  return setting.onChange((value) => {
    if (value === last) return;
    last = value;
    run(value, false);
  });
}

/** The settings store's `startAtLogin` as a LoginItemSetting. */
export function startAtLoginSetting(store: {
  get(): { startAtLogin: boolean };
  update(patch: { startAtLogin: boolean }): unknown;
  onChange(listener: (settings: { startAtLogin: boolean }) => void): () => void;
}): LoginItemSetting {
  return {
    get: () => store.get().startAtLogin,
    set: (value) => void store.update({ startAtLogin: value }),
    onChange: (listener) => store.onChange((s) => listener(s.startAtLogin)),
  };
}
