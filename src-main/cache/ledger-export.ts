import type { Ledger } from '../../src-shared/types/ledger';
import { LEDGER_VERSION } from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from './cache';

export interface ExportResult {
  workspaces: number;
  grants: number;
  events: number;
  /** Per workspace and pool, the instant before which raw events are no longer kept (only summaries are). */
  rawFrom: { workspaceId: string; pool: string; rawFrom: Millis }[];
}

/**
 * Writes the cache as a ledger file (the import format), streaming events so that a month of a
 * Team plan is never held in memory. Events the retention already summarised and dropped cannot be
 * exported; `rawFrom` in the result says where each pool's kept events begin.
 */
export function exportLedger(cache: Cache, write: (chunk: string) => void): ExportResult {
  const workspaces = cache.read.workspaces.list();
  const grants = workspaces.flatMap((w) => cache.read.grants.forWorkspace(w.key, w.workspace.id));
  const rateCards = cache.read.rateCards.all();
  write(
    `{"version":${LEDGER_VERSION},\n"workspaces":${JSON.stringify(workspaces.map((w) => w.workspace))},\n"grants":${JSON.stringify(grants)},\n"events":[`,
  );
  let events = 0;
  let buffer: string[] = [];
  for (const w of workspaces) {
    for (const e of cache.read.events.iterateLedger(w.key, w.workspace.id)) {
      buffer.push((events === 0 ? '\n' : ',\n') + JSON.stringify(e));
      events++;
      if (buffer.length === 5000) {
        write(buffer.join(''));
        buffer = [];
      }
    }
  }
  write(buffer.join(''));
  // Readings of a synced workspace are checks against its account API, not usage: they stay here.
  const readings = workspaces
    .filter((w) => w.origin !== 'sync')
    .flatMap((w) => cache.read.readings.ofWorkspace(w.key, w.workspace.id).map((r) => r.reading));
  write(
    `\n]${rateCards.length > 0 ? `,\n"rateCards":${JSON.stringify(rateCards)}` : ''}` +
      `${readings.length > 0 ? `,\n"readings":${JSON.stringify(readings)}` : ''}}\n`,
  );
  const rawFrom: ExportResult['rawFrom'] = [];
  for (const w of workspaces) {
    for (const pool of w.workspace.pools?.map((p) => p.pool) ?? ['integration' as const]) {
      const state = cache.read.poolState.get(w.key, pool);
      if (state.rawFrom !== null) rawFrom.push({ workspaceId: w.workspace.id, pool, rawFrom: state.rawFrom });
    }
  }
  return { workspaces: workspaces.length, grants: grants.length, events, rawFrom };
}

/** The cache as a ledger object in memory (small caches and tests). */
export function exportLedgerObject(cache: Cache): Ledger {
  let text = '';
  exportLedger(cache, (chunk) => (text += chunk));
  return JSON.parse(text) as Ledger;
}
