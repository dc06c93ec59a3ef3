import { CACHE_DAMAGE_FOUND_NOTICE, cacheDamageFoundText } from '../../src-shared/display/cache-damage';
import type { DeferredCacheCheck } from '../cache/open-app-cache';
import type { CacheEvaluatorClient } from '../evaluator/evaluator-client';
import type { AppLog } from './app-runtime';
import type { RuntimeState } from './runtime-context';

/**
 * The quick_check openAppCache put off after a clean shutdown, run in the evaluator thread over a
 * connection of its own (asked once the first snapshot is out, so the start shows numbers first).
 * Damage is recorded for the next start, which moves the cache aside, and told to the lead now.
 */
export async function checkCacheInThread(
  evaluator: Pick<CacheEvaluatorClient, 'quickCheck'>,
  check: DeferredCacheCheck,
  parts: { log: AppLog; damaged(damage: string): void; disposed(): boolean },
): Promise<void> {
  const { log } = parts;
  let result;
  try {
    result = await evaluator.quickCheck();
  } catch (err) {
    // Closed or crashed meanwhile: the next clean start checks again.
    if (!parts.disposed()) log.warn('the cache could not be checked', { error: err });
    return;
  }
  if (!result) return;
  log.info('cache checked', { damage: result.damage, ms: result.ms, threadId: result.threadId });
  if (result.damage === null) return;
  check.onDamage(result.damage);
  log.warn('the cache is damaged; it is moved aside at the next start', { damage: result.damage });
  if (parts.disposed()) return;
  parts.damaged(result.damage);
}

/**
 * The cache is known damaged, by the check in the thread or by a sync SQLite refused: one state
 * (the sync line reads it), told once in the banner's sentence. The first finding is kept.
 */
export function cacheDamageKnown(
  parts: {
    state: Pick<RuntimeState, 'cacheDamage' | 'current'>;
    log: AppLog;
    notice(key: string, message: string): void;
    republish(): void;
  },
  damage: string,
): void {
  const { state, log } = parts;
  if (state.cacheDamage !== null) return;
  state.cacheDamage = damage;
  try {
    parts.notice(CACHE_DAMAGE_FOUND_NOTICE, cacheDamageFoundText(damage));
  } catch (err) {
    // The notices live in the cache: a damaged page may hold them. The sync line still says it.
    log.error('the damaged cache could not take the notice', { error: err });
    if (state.current) parts.republish();
  }
}
