import { stateLabel } from '../../../src-shared/display/state-label';
import { formatRelative, formatSpan } from '../../components/format';
import { poolRowName, type PoolRow } from './pool-order';

/** How many urgent pools the headline names before it counts the rest. */
const NAMED = 2;

/** One pool's urgency in words: "Side project ran dry 2 hours ago", "Marketing runs dry in ~2 days". */
function phrase(row: PoolRow, now: number): string {
  const name = poolRowName(row);
  const p = row.pool;
  if (p.balance === 'dry')
    return p.exhaustedAt
      ? `${name} ran dry ${formatRelative((Date.parse(p.exhaustedAt) - now) / 1000, now)}`
      : `${name} is dry`;
  if (p.balance === 'at-risk' && p.forecast.runsOutAt) {
    const left = Date.parse(p.forecast.runsOutAt) - now;
    return left > 0 ? `${name} runs dry in ~${formatSpan(left)}` : `${name} is about to run dry`;
  }
  return `${name} is ${stateLabel({ state: p.balance, threshold: p.passedThreshold }, { inForce: p.thresholdsInForce }).toLowerCase()}`;
}

/**
 * The worst of the overview in one line, for rows in urgency order: the dry and at-risk pools by name
 * (the first two, then how many more), else the pools past a threshold, else that all is well.
 */
export function overviewHeadline(rows: readonly PoolRow[], now: number): string {
  if (rows.length === 0) return 'No pools to watch';
  for (const states of [['dry', 'at-risk'], ['past-threshold']] as const) {
    const urgent = rows.filter((r) => (states as readonly string[]).includes(r.pool.balance));
    if (urgent.length === 0) continue;
    const named = urgent.slice(0, NAMED).map((r) => phrase(r, now));
    const more = urgent.length - named.length;
    return [
      ...named,
      ...(more > 0 ? [`${more} more ${states[0] === 'dry' ? 'at risk' : 'past a threshold'}`] : []),
    ].join(' · ');
  }
  if (rows.length <= 2) return rows.length === 1 ? 'The pool is OK' : 'Both pools OK';
  return `All ${rows.length} pools OK`;
}
