import type { PoolCard, SyncStatus, WorkspaceCard } from '../ipc/snapshot';
import { basisLabel, NO_MANUAL_DATA, type DataBasis } from './data-basis';
import type { DateStyle } from './dates';
import { formatApproxSpan, formatRelative } from './duration';
import { stateLabel } from './state-label';
import { syncAgo, syncStateText } from './sync-state';

/**
 * The words for a whole set of pools (the overview's headline and time line, the tray tooltip's
 * header), from each pool's one state (pool-state.ts `poolStateOf`): a summary never says "OK" about
 * a pool whose card says "Stale".
 */

/** One pool of one workspace, as the overview lists it and the tray's lines read it. */
export interface SummaryRow {
  workspace: Pick<WorkspaceCard, 'name' | 'pools' | 'source' | 'freshness'>;
  pool: Pick<
    PoolCard,
    'pool' | 'state' | 'exhaustedAt' | 'forecast' | 'passedThreshold' | 'thresholdsInForce'
  >;
}

/** How many pools (or stale workspaces) a headline names before it counts the rest. */
const NAMED = 2;

/** "Integrations" or "Messages": which of a workspace's two pools a row is. */
export function poolKindLabel(pool: PoolCard['pool']): string {
  return pool === 'message' ? 'Messages' : 'Integrations';
}

/** A row's name: the workspace's, with the pool kind when the workspace has more than one pool. */
export function poolRowName(row: Pick<SummaryRow, 'workspace' | 'pool'>): string {
  if (row.workspace.pools.length < 2) return row.workspace.name;
  return `${row.workspace.name} ${poolKindLabel(row.pool.pool).toLowerCase()}`;
}

/** One pool's urgency in words: "Side project ran dry 2 hours ago", "Marketing runs dry in ~2 days". */
function phrase(row: SummaryRow, now: number, style: DateStyle): string {
  const name = poolRowName(row);
  // The tray's name ("Help desk integrations") ends in the plural kind when the workspace has two
  // pools: its verbs agree ("Help desk integrations run dry", "Side project runs dry").
  const plural = row.workspace.pools.length >= 2;
  const is = plural ? 'are' : 'is';
  const p = row.pool;
  if (p.state === 'dry')
    return p.exhaustedAt
      ? `${name} ran dry ${formatRelative(Date.parse(p.exhaustedAt) - now, now, style)}`
      : `${name} ${is} dry`;
  if (p.state === 'at-risk' && p.forecast.runsOutAt) {
    const left = Date.parse(p.forecast.runsOutAt) - now;
    return left > 0
      ? `${name} ${plural ? 'run' : 'runs'} dry in ${formatApproxSpan(left, style.locale)}`
      : `${name} ${is} about to run dry`;
  }
  const label = stateLabel(
    { state: p.state, threshold: p.passedThreshold },
    { inForce: p.thresholdsInForce, locale: style.locale },
  );
  return `${name} ${is} ${label.toLowerCase()}`;
}

/** "Stale data: Studio, Marketing and 2 more": the workspaces whose numbers are too old to back a state. */
function staleText(rows: readonly SummaryRow[]): string {
  const names = [...new Set(rows.map((r) => r.workspace.name))];
  const named = names.slice(0, NAMED).join(', ');
  const more = names.length - NAMED;
  return `Stale data: ${named}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * The worst of the pools in one line, for rows in urgency order: the dry and at-risk pools by name
 * (the first two, then how many more), else the workspaces whose data is stale, else the pools past
 * a threshold, else that all is well. Grouped by each pool's state, the word its card shows.
 */
export function overviewHeadline(rows: readonly SummaryRow[], now: number, style: DateStyle): string {
  if (rows.length === 0) return 'No pools to watch';
  for (const states of [['dry', 'at-risk'], ['stale'], ['past-threshold']] as const) {
    const urgent = rows.filter((r) => (states as readonly string[]).includes(r.pool.state));
    if (urgent.length === 0) continue;
    if (states[0] === 'stale') return staleText(urgent);
    const named = urgent.slice(0, NAMED).map((r) => phrase(r, now, style));
    const more = urgent.length - named.length;
    return [
      ...named,
      ...(more > 0 ? [`${more} more ${states[0] === 'dry' ? 'at risk' : 'past a threshold'}`] : []),
    ].join(' · ');
  }
  if (rows.length <= 2) return rows.length === 1 ? 'The pool is OK' : 'Both pools OK';
  return `All ${rows.length} pools OK`;
}

/**
 * How old the numbers are, in a few words: the sync state ("Synced 5 minutes ago", "Not synced
 * yet"), or, when every workspace shown is kept by hand (they never sync), when the newest reading
 * was typed or the newest imported event happened.
 */
export function dataAgeLine(
  rows: readonly Pick<SummaryRow, 'workspace'>[],
  sync: SyncStatus,
  now: number,
  style: DateStyle,
): string {
  if (rows.length === 0 || rows.some((r) => r.workspace.source !== 'manual'))
    return syncStateText(sync, now, style);
  let newest: { at: number; basis: DataBasis } | null = null;
  for (const { workspace } of rows) {
    const f = workspace.freshness;
    const at = f.lastSyncAt ? Date.parse(f.lastSyncAt) : null;
    if (at !== null && (newest === null || at > newest.at)) newest = { at, basis: f.basis ?? 'reading' };
  }
  if (newest === null) return NO_MANUAL_DATA;
  return `${basisLabel(newest.basis)} ${syncAgo(newest.at, now, style)}`;
}
