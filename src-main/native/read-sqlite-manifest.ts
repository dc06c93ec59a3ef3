import { readFileSync } from 'node:fs';
import type { ElectronSqliteManifest } from './electron-sqlite-binding';

/** Reads a manifest written by the native build, null when it is missing or not one. */
export function readSqliteManifest(path: string): ElectronSqliteManifest | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<ElectronSqliteManifest>;
    return typeof value.electron === 'string' &&
      typeof value.platform === 'string' &&
      typeof value.arch === 'string'
      ? (value as ElectronSqliteManifest)
      : null;
  } catch {
    return null;
  }
}
