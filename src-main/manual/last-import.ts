import { poolKindSchema } from '../../src-shared/types/ledger-schema';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';

/**
 * The newest event a workspace kept here holds, or null: its events come from CSV imports (readings
 * are kept apart), so this is how far its imported data reaches. One index step per pool.
 */
export function lastImportAt(cache: Cache, w: CachedWorkspace): Millis | null {
  const his = poolKindSchema.options
    .map((pool) => cache.read.events.bounds(w.key, pool).hi)
    .filter((t): t is number => t !== null);
  return his.length > 0 ? Math.max(...his) : null;
}
