import { extraCreditsText, grantKindsOf, type GrantFacts } from '../../../src-shared/display/extra-credits';
import { balanceStateOf } from '../../../src-shared/display/pool-state';
import type { AlertJson, PoolStatusJson } from '../../../src-shared/engine/status-json';
import { parseInstant } from '../../../src-shared/time/instant';
import { credits, creditsPhrase, duration, percentUsed, shortInstant, table } from './table';

/**
 * The forecast column: when an open pool runs dry, or what it uses by the reset; for a dry pool what
 * was refused, never the projected demand as if it could be spent.
 */
function forecastCell(p: PoolStatusJson): string {
  if (balanceStateOf(p).balance === 'dry')
    return p.blockedCalls === 1 ? 'dry: 1 call refused' : `dry: ${p.blockedCalls} calls refused`;
  if (p.forecast.runsOutAt) return `runs dry ${shortInstant(p.forecast.runsOutAt)}`;
  return `~${credits(p.forecast.projectedUsed)} by reset`;
}

/** The readable form of `evaluate` and `status`: one row per pool, what grants add, member budgets (budget-lines.ts), then the alerts. */
export function statusTable(
  asOf: string,
  pools: PoolStatusJson[],
  alerts: AlertJson[],
  names: ReadonlyMap<string, string>,
  grants: readonly (GrantFacts & { workspaceId: string })[] = [],
  budgets: readonly string[] = [],
  /** Each pool's state in its card's word, by `workspaceId/pool` (status has it; evaluate does not). */
  states?: ReadonlyMap<string, string>,
): string {
  const rows = pools.map((p) => [
    names.get(p.workspaceId) ?? p.workspaceId,
    p.pool,
    ...(states ? [states.get(`${p.workspaceId}/${p.pool}`) ?? ''] : []),
    `${credits(p.used)} / ${credits(p.available)}`,
    percentUsed(p.percentUsed),
    credits(p.remaining),
    // Dry by the one rule: a pool topped up after it ran dry counts down to its reset, as its card does.
    balanceStateOf(p).balance === 'dry' && p.exhaustedAt
      ? `dry since ${shortInstant(p.exhaustedAt)}`
      : duration(p.resetsInSeconds),
    forecastCell(p),
    p.blockedCalls > 0 ? String(p.blockedCalls) : '',
  ]);
  const out = [
    `Creditbar: as of ${shortInstant(asOf)} UTC`,
    '',
    table(
      [
        'Workspace',
        'Pool',
        ...(states ? ['State'] : []),
        ...['Used / available', 'Used', 'Remaining', 'Resets in', 'Forecast', 'Blocked'],
      ],
      rows,
      new Set([2, 3, 4, 7].map((i) => (states ? i + 1 : i))),
    ),
  ];
  const unknown = pools.filter((p) => p.unknownActions.length > 0);
  for (const p of unknown) {
    out.push(
      '',
      `Note: ${names.get(p.workspaceId) ?? p.workspaceId} has actions no rate card knows (priced 1 each): ${p.unknownActions.join(', ')}`,
    );
  }
  // The credits beyond the plan, in the card's words ("includes 500 top-up credits").
  for (const p of pools) {
    const period = {
      start: parseInstant(p.periodStart),
      end: parseInstant(p.periodEnd),
      asOf: parseInstant(asOf),
    };
    const kinds = grantKindsOf(
      grants.filter((g) => g.workspaceId === p.workspaceId),
      p.pool,
      period,
    );
    const extra = extraCreditsText(p.bonus, kinds);
    if (extra)
      out.push(
        '',
        `${names.get(p.workspaceId) ?? p.workspaceId} (${p.pool}) ${extra}: ${credits(p.available)} available.`,
      );
  }
  for (const p of pools.filter((x) => x.observed)) {
    const o = p.observed!;
    const name = names.get(p.workspaceId) ?? p.workspaceId;
    out.push(
      '',
      `Readings: ${name} (${p.pool}) counts ${creditsPhrase(o.credits)} from ${o.readings} reading(s)` +
        `${o.lastReadingAt ? `, the last at ${shortInstant(o.lastReadingAt)}` : ''}; by member, action and app: not available for readings.`,
    );
    for (const b of o.backwards)
      out.push(
        `  ${b.id} at ${shortInstant(b.at)} shows ${credits(b.by)} more left than counted: a top-up or a mistake? (creditbar reading resolve)`,
      );
  }
  out.push(...budgets);
  out.push('', alerts.length === 0 ? 'No alerts.' : 'Alerts:');
  for (const a of alerts) out.push(`  ${shortInstant(a.at)}  ${a.message}`);
  return out.join('\n') + '\n';
}
