import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE,
  autostartDir,
  autostartEntryText,
  launchTarget,
  quoteExecArgument,
  readAutostart,
  removeAutostart,
  writeAutostart,
  type AutostartEntry,
} from '../../../../src-main/desktop/xdg-autostart';

const entry: AutostartEntry = {
  name: 'Creditbar',
  comment: 'Tray monitor for shared integration-credit pools',
  executable: '/opt/Creditbar/creditbar',
  icon: 'creditbar',
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-autostart-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('autostartDir', () => {
  it.each([
    { env: {}, expected: '/home/ana/.config/autostart' },
    { env: { XDG_CONFIG_HOME: '/srv/conf' }, expected: '/srv/conf/autostart' },
    // The Base Directory spec: an empty or relative value is ignored.
    { env: { XDG_CONFIG_HOME: '' }, expected: '/home/ana/.config/autostart' },
    { env: { XDG_CONFIG_HOME: 'conf' }, expected: '/home/ana/.config/autostart' },
  ])('$env → $expected', ({ env, expected }) => {
    expect(autostartDir(env, '/home/ana')).toBe(expected);
  });
});

describe('launchTarget', () => {
  it('starts the AppImage file, not its temporary mount', () => {
    expect(
      launchTarget(
        { APPIMAGE: '/home/ana/Apps/Creditbar-0.1.0.AppImage' },
        '/tmp/.mount_CreditXYZ/creditbar',
      ),
    ).toBe('/home/ana/Apps/Creditbar-0.1.0.AppImage');
  });
  it('starts the executable of an installed package', () => {
    expect(launchTarget({}, '/opt/Creditbar/creditbar')).toBe('/opt/Creditbar/creditbar');
  });
});

describe('quoteExecArgument (Desktop Entry spec, "The Exec key")', () => {
  // Worked out by hand from the spec: reserved characters quote the argument; inside quotes " ` $ \
  // take a backslash; % is %%; then every backslash of the value is doubled (string escaping).
  it.each([
    ['/opt/Creditbar/creditbar', '/opt/Creditbar/creditbar'],
    ['/home/ana/My Apps/Creditbar.AppImage', '"/home/ana/My Apps/Creditbar.AppImage"'],
    ['/home/ana/100%/cb', '/home/ana/100%%/cb'],
    ['/home/ana/$HOME/cb', '"/home/ana/\\\\$HOME/cb"'],
    ['/home/ana/a"b/cb', '"/home/ana/a\\\\"b/cb"'],
    ['/home/ana/back\\slash/cb', '"/home/ana/back\\\\\\\\slash/cb"'],
    ["/home/ana/it's/cb", '"/home/ana/it\'s/cb"'],
  ])('%s → %s', (arg, expected) => {
    expect(quoteExecArgument(arg)).toBe(expected);
  });

  it('refuses a path with a line break in one sentence', () => {
    expect(() => quoteExecArgument('/tmp/a\nb')).toThrow(
      /control character: a desktop entry cannot start it/,
    );
  });
});

describe('the autostart entry', () => {
  it('is a desktop entry that starts Creditbar at login', () => {
    expect(autostartEntryText({ ...entry, executable: '/home/ana/My Apps/Creditbar.AppImage' })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.5',
        'Name=Creditbar',
        'Comment=Tray monitor for shared integration-credit pools',
        'Exec="/home/ana/My Apps/Creditbar.AppImage"',
        'Icon=creditbar',
        'Terminal=false',
        'StartupNotify=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('is written into a folder that does not exist yet, read back, and removed', () => {
    const dir = join(tempDir(), 'config', 'autostart');
    expect(readAutostart(dir, entry)).toEqual({ enabled: false, current: false });
    const path = writeAutostart(dir, entry);
    expect(path).toBe(join(dir, AUTOSTART_FILE));
    expect(readFileSync(path, 'utf8')).toBe(autostartEntryText(entry));
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(readAutostart(dir, entry)).toEqual({ enabled: true, current: true });
    removeAutostart(dir);
    expect(existsSync(path)).toBe(false);
    expect(readAutostart(dir, entry)).toEqual({ enabled: false, current: false });
    // Removing again is not an error.
    expect(() => removeAutostart(dir)).not.toThrow();
  });

  it('sees an entry that starts another path (a moved AppImage) as not current', () => {
    const dir = tempDir();
    writeAutostart(dir, { ...entry, executable: '/home/ana/Downloads/Creditbar.AppImage' });
    expect(readAutostart(dir, entry)).toEqual({ enabled: true, current: false });
  });

  it.each([
    ['Hidden=true', false],
    ['X-GNOME-Autostart-enabled=false', false],
    ['X-GNOME-Autostart-enabled=true', true],
  ])('an entry with %s is enabled: %s', (line, enabled) => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, AUTOSTART_FILE),
      `[Desktop Entry]\nType=Application\nName=Creditbar\nExec=/opt/Creditbar/creditbar\n${line}\n`,
    );
    expect(readAutostart(dir, entry).enabled).toBe(enabled);
  });
});
