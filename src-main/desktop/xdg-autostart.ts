// Start at login on Linux: Electron's setLoginItemSettings covers macOS and Windows only, so the app
// writes (and removes) a desktop entry in the XDG autostart folder, which GNOME, KDE, Xfce, Cinnamon
// and the other XDG desktops read at login. Plain Node: tested on real files in a temporary folder.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/** What the entry starts and how it is named in the desktop's "Startup Applications" list. */
export interface AutostartEntry {
  /** Shown by the desktop's startup-apps tool. */
  name: string;
  comment: string;
  /** Absolute path of the executable (for an AppImage: the AppImage file itself, see launchTarget). */
  executable: string;
  /** Icon name in the icon theme (the .deb installs it under the executable's name). */
  icon: string;
}

/** The file name in the autostart folder; the same name as the .deb's menu entry. */
export const AUTOSTART_FILE = 'creditbar.desktop';

/**
 * The folder the XDG Autostart spec names: $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when
 * the variable is unset, empty or relative (the Base Directory spec says to ignore a relative one).
 */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  return join(configHome && isAbsolute(configHome) ? configHome : join(home, '.config'), 'autostart');
}

/**
 * Which file to start at login. An AppImage runs from a temporary mount (/tmp/.mount_XXXX) that is
 * gone after it exits; the AppImage runtime puts the real file's path in $APPIMAGE, so that is what
 * the entry must start (node auto-launch writes execPath here, the bug its issue #89 describes).
 */
export function launchTarget(env: Readonly<Record<string, string | undefined>>, execPath: string): string {
  const appImage = env['APPIMAGE'];
  return appImage && isAbsolute(appImage) ? appImage : execPath;
}

// Characters the Desktop Entry spec reserves in Exec: an argument holding any of them is quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec line. Two levels of escaping apply (Desktop Entry spec, "The Exec key"):
 * inside double quotes `"`, `` ` ``, `$` and `\` take a backslash, a literal `%` is `%%`, and then
 * the value as a whole is a string where `\` is written `\\`. So a backslash in a path is four.
 */
export function quoteExecArgument(arg: string): string {
  if (/[\u0000-\u001f\u007f]/.test(arg))
    throw new Error(
      `The path ${JSON.stringify(arg)} holds a control character: a desktop entry cannot start it.`,
    );
  const percent = arg.replace(/%/g, '%%');
  const quoted = RESERVED.test(percent) ? `"${percent.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : percent;
  return quoted.replace(/\\/g, '\\\\');
}

/** A value of a `string` or `localestring` key: backslash escapes, no line breaks. */
function entryValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

/** The desktop entry's text. Creditbar starts in the tray with no window, so no flag is needed. */
export function autostartEntryText(entry: AutostartEntry): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    `Name=${entryValue(entry.name)}`,
    `Comment=${entryValue(entry.comment)}`,
    `Exec=${quoteExecArgument(entry.executable)}`,
    `Icon=${entryValue(entry.icon)}`,
    'Terminal=false',
    'StartupNotify=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** What the autostart folder says about Creditbar. */
export interface AutostartState {
  /** An entry exists and the desktop will start it (not Hidden, not switched off in GNOME's tool). */
  enabled: boolean;
  /** The entry is exactly the one this copy would write (same executable, same text). */
  current: boolean;
}

/** Reads the entry, if any. `Hidden=true` or `X-GNOME-Autostart-enabled=false` mean "do not start". */
export function readAutostart(dir: string, entry: AutostartEntry): AutostartState {
  let text: string;
  try {
    text = readFileSync(join(dir, AUTOSTART_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No file, or no folder to hold it (ENOTDIR: a file stands where a folder of the path should).
    if (code === 'ENOENT' || code === 'ENOTDIR') return { enabled: false, current: false };
    throw err;
  }
  const value = (key: string) =>
    new RegExp(`^${key}\\s*=\\s*(.*)$`, 'm').exec(text)?.[1]?.trim().toLowerCase() ?? null;
  const enabled = value('Hidden') !== 'true' && value('X-GNOME-Autostart-enabled') !== 'false';
  return { enabled, current: text === autostartEntryText(entry) };
}

/** Writes the entry (through a temporary file and a rename, so the desktop never reads half of it). */
export function writeAutostart(dir: string, entry: AutostartEntry): string {
  const path = join(dir, AUTOSTART_FILE);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, autostartEntryText(entry), { mode: 0o644 });
  renameSync(temporary, path);
  return path;
}

/** Removes the entry; nothing to remove is not an error. */
export function removeAutostart(dir: string): void {
  rmSync(join(dir, AUTOSTART_FILE), { force: true });
}
