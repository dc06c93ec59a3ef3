import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { toIso, type Millis } from '../../src-shared/time/instant';
import { CacheFailure } from '../db/cache-failure';
import { quickCheck } from '../db/quick-check';
import { processAlive } from '../native/process-alive';
import { createRaisedAlertReader } from '../db/repositories/raised-alerts-repository';
import { openCache, type Cache, type OpenCacheOptions } from './cache';

/** What the app learnt while opening its cache, for the log and the lead. */
export interface AppCacheOpened {
  cache: Cache;
  /** The previous run did not close the cache (a crash, a kill, a power cut). */
  abnormalShutdown: boolean;
  /** Where a damaged cache was moved (a fresh one took its place), or null. */
  movedAside: string | null;
  /** What quick_check or SQLite said about the damaged copy. */
  damage: string | null;
  /** How long opening took, with `PRAGMA quick_check` when it ran then (ms). */
  checkMs: number;
  /**
   * The check left for later (after a clean shutdown, when the caller asked to defer it): the caller
   * runs quick_check off this thread and reports damage here. null: it ran at open.
   */
  deferredCheck: DeferredCacheCheck | null;
  /** Alerts read back from the damaged copy, so the rebuild does not notify them again. */
  salvagedAlerts: number;
  /** Closes the cache and records a clean shutdown. */
  close(): void;
}

/** What a quick_check run after opening reports to; damage is dealt with at the next open. */
export interface DeferredCacheCheck {
  /** Records the damage the check found, so the next open checks and moves the cache aside. */
  onDamage(damage: string): void;
}

/** The marker of a running app over `file`; left behind by a run that did not end cleanly. */
export const runningMarker = (file: string) => `${file}.running`;

/** The marker of damage a check after opening found: the next open checks at once (and moves the file aside). */
export const damageMarker = (file: string) => `${file}.damage-found`;

/** Marks `file` damaged (what was found), so the next open checks it at once and moves it aside. */
export function markCacheDamaged(file: string, damage: string): void {
  writeFileSync(damageMarker(file), damage);
}

/** What the app found when it marked `file` damaged, or null when it is not marked. */
export function cacheDamageMarked(file: string): string | null {
  try {
    return readFileSync(damageMarker(file), 'utf8').trim() || 'damage found';
  } catch {
    return null;
  }
}

/** True when a marker is there and the process that wrote it is gone. */
function endedAbnormally(marker: string): boolean {
  if (!existsSync(marker)) return false;
  const pid = Number(readFileSync(marker, 'utf8').trim());
  return !(Number.isInteger(pid) && pid !== process.pid && processAlive(pid));
}

/**
 * Copies the alerts already raised from the damaged copy (opened read-only, never changed) into the
 * fresh cache, so that rebuilding it does not notify the lead again of every alert of the period.
 * Best effort: a copy too damaged to read them, or of another schema, gives none.
 */
function salvageAlerts(damaged: string, into: Cache, options: OpenCacheOptions): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(damaged, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const alerts = createRaisedAlertReader(db).list();
    into.transaction(() => alerts.forEach((a) => into.alerts.record(a)));
    return alerts.length;
  } catch {
    return 0;
  } finally {
    db?.close();
  }
}

/** A name beside `file` that says when it was put aside: `cache.sqlite.damaged-20261203T081500Z`. */
function asideName(file: string, now: Millis): string {
  const stamp = toIso(now)
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let name = `${file}.damaged-${stamp}`;
  for (let n = 2; existsSync(name); n++) name = `${file}.damaged-${stamp}-${n}`;
  return name;
}

/** Renames the cache and its WAL and shared-memory files together, so the copy still opens as it was. */
function moveAside(file: string, now: Millis): string {
  const target = asideName(file, now);
  for (const suffix of ['-wal', '-shm', '-journal'])
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  renameSync(file, target);
  return target;
}

export interface OpenAppCacheOptions extends OpenCacheOptions {
  now?: () => Millis;
  /**
   * After a clean shutdown, open without `PRAGMA quick_check` and hand it to the caller (the app
   * runs it in the evaluator thread once the first snapshot is out): it blocks this thread for
   * 0.2-0.6 s on a 128 MB cache in the OS cache, 3-4 s from disk. After a crash, or when a check
   * after an earlier open found damage, it still runs here, before anything reads the cache.
   */
  deferCheck?: boolean;
}

/**
 * Opens the app's cache the careful way: `PRAGMA quick_check` on open (~0.3 s per 100 MB here;
 * with deferCheck only after a crash or reported damage), noting whether the previous run ended
 * abnormally. A damaged cache is never deleted and never written to: it is moved aside under a
 * dated name (with its WAL) and a fresh cache takes its place, which the next sync fills again from
 * the server; the caller tells the lead. Other failures (read-only, full, newer schema) are thrown
 * as they are.
 */
export function openAppCache(file: string, options: OpenAppCacheOptions = {}): AppCacheOpened {
  const now = options.now ?? Date.now;
  const marker = runningMarker(file);
  const abnormalShutdown = endedAbnormally(marker);
  const damageReported = existsSync(damageMarker(file));
  const checkNow = !options.deferCheck || abnormalShutdown || damageReported;
  let damage: string | null = null;
  let cache: Cache | null = null;
  const started = performance.now();
  try {
    cache = openCache(file, options);
    if (checkNow) damage = quickCheck(cache.db);
  } catch (err) {
    if (!(err instanceof CacheFailure) || err.kind !== 'damaged') throw err;
    damage = /\(([^)]*)\)/.exec(err.message)?.[1] ?? 'database disk image is malformed';
  }
  const checkMs = Math.round(performance.now() - started);
  let movedAside: string | null = null;
  let salvagedAlerts = 0;
  if (damage !== null) {
    try {
      cache?.close();
    } catch {
      // Closing a damaged connection may fail its checkpoint; the file is moved as it is.
    }
    movedAside = moveAside(file, now());
    cache = openCache(file, options);
    salvagedAlerts = salvageAlerts(movedAside, cache, options);
  }
  // Checked now: sound, or moved aside. (Damage found once and not again stays where it is.)
  if (checkNow) rmSync(damageMarker(file), { force: true });
  writeFileSync(marker, String(process.pid));
  const opened = cache!;
  return {
    cache: opened,
    abnormalShutdown,
    movedAside,
    damage,
    checkMs,
    deferredCheck: checkNow
      ? null
      : {
          onDamage(found) {
            markCacheDamaged(file, found);
          },
        },
    salvagedAlerts,
    close() {
      opened.close();
      rmSync(marker, { force: true });
    },
  };
}

/** The one sentence the lead reads when a damaged cache was put aside. */
export function damagedCacheNotice(opened: Pick<AppCacheOpened, 'movedAside' | 'damage'>): string | null {
  if (opened.movedAside === null) return null;
  return `The local cache was damaged (${opened.damage}) and was moved aside to ${basename(opened.movedAside)}, untouched: Creditbar is rebuilding it from the server, and history the server no longer has stays in that copy.`;
}
