import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinaryStatus =
  | { installed: true; version: string; executable: string }
  | { installed: false; version: string | null; reason: string };

/**
 * Whether the Electron executable is on disk, judged the way the electron package's index.js does
 * (path.txt, or ELECTRON_OVERRIDE_DIST_PATH) without requiring it, since it throws when absent.
 */
export function electronBinaryStatus(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronBinaryStatus {
  const dir = join(projectRoot, 'node_modules', 'electron');
  let version: string | null = null;
  try {
    version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return { installed: false, version: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!relative && !override) return { installed: false, version, reason: 'its binary was never downloaded' };
  const executable = override ? join(override, relative || 'electron') : join(dir, 'dist', relative!);
  if (!existsSync(executable)) return { installed: false, version, reason: `${executable} is missing` };
  return { installed: true, version, executable };
}
