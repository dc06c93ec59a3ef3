import type { TopConsumer } from '../../../src-shared/ipc/snapshot';
import { RulesAssumedLabel } from '../../components/rules-assumed-label';
import { listKeyHandler, LIST_ITEM, poolItemKey } from '../../app/list-navigation';
import { BalanceBar } from '../../components/balance-bar';
import {
  formatCredits,
  formatDuration,
  formatPercentUsed,
  formatShare,
  locales,
} from '../../components/format';
import { refusedCalls } from '../../../src-shared/display/forecast-text';
import { StateBadge, poolStateDescription } from '../../components/state-badge';
import { useNow } from '../../components/use-now';
import { formatRoute } from '../../store/route';
import { PinIcon } from './pin-hide-controls';
import { poolKindLabel } from '../../../src-shared/display/overview-summary';
import type { PoolRow } from './pool-order';

/** "Ana Lima: 54% of this period, mostly email": who drained the pool, and on what. */
export function topConsumerText(top: TopConsumer): string {
  const share = `${top.name}: ${formatShare(top.share)} of this period`;
  if (top.action === null || top.actionShare === null) return share;
  return top.actionShare >= 50
    ? `${share}, mostly ${top.action}`
    : `${share}, most on ${top.action} (${formatShare(top.actionShare)})`;
}

/**
 * The numbers line: which pool (when the workspace has two), percent, what is left (or what was
 * refused), and the reset.
 */
function numbersText(row: PoolRow, now: number): string {
  const p = row.pool;
  const kind = row.workspace.pools.length > 1 ? `${poolKindLabel(p.pool)} · ` : '';
  const resets = `resets in ${formatDuration(Math.max(0, Date.parse(p.periodEnd) - now), 'minute')}`;
  // Calls the platform refused this period, dry now or dry before a top-up came: the card's words.
  const refused = p.blockedCalls > 0 ? ` · ${refusedCalls(p.blockedCalls, locales())}` : '';
  if (p.balance === 'dry')
    return `${kind}${formatPercentUsed(p.percentUsed)} · 0 of ${formatCredits(p.available)} left${refused} · ${resets}`;
  return `${kind}${formatPercentUsed(p.percentUsed)} · ${formatCredits(p.remaining)} left${refused} · ${resets}`;
}

/** One pool in one link: name and state, a thin bar with the threshold marks, the numbers. */
function CompactRow({ row, pinned, now }: { row: PoolRow; pinned: boolean; now: number }): React.JSX.Element {
  const { workspace, pool } = row;
  const name = workspace.name;
  const meterLabel = workspace.pools.length > 1 ? `${name} ${poolKindLabel(pool.pool).toLowerCase()}` : name;
  const urgent = pool.balance === 'dry' || pool.balance === 'at-risk';
  const manual = workspace.source === 'manual';
  return (
    <li className="compact-item">
      <a
        className={`compact-row level-${pool.level}${pool.state === 'stale' ? ' is-stale' : ''}${manual ? ' has-action' : ''}`}
        href={formatRoute({ screen: 'workspace', workspaceId: workspace.id })}
        data-testid="compact-row"
        data-workspace-id={workspace.id}
        data-pool={pool.pool}
        data-state={pool.state}
        {...{ [LIST_ITEM]: poolItemKey(workspace.id, pool.pool) }}
      >
        <span className="compact-row-head">
          <span className="compact-row-name">
            {pinned ? (
              <span className="pinned" title="Pinned to the top">
                <PinIcon />
                <span className="sr-only">Pinned: </span>
              </span>
            ) : null}
            {name}
            {manual ? (
              <span className="source-label" data-testid="source-label">
                manual
              </span>
            ) : null}
            <RulesAssumedLabel workspace={workspace} />
          </span>
          <StateBadge pool={pool} />
        </span>
        <BalanceBar
          label={meterLabel}
          percentUsed={pool.percentUsed}
          used={pool.used}
          available={pool.available}
          level={pool.level}
          stateText={poolStateDescription(pool)}
          marks={pool.marks}
        />
        <span className="compact-row-numbers" data-testid="compact-numbers">
          {numbersText(row, now)}
        </span>
        {urgent && pool.topConsumer ? (
          <span className="compact-row-consumer" data-testid="top-consumer">
            {topConsumerText(pool.topConsumer)}
          </span>
        ) : null}
      </a>
      {manual ? (
        // Beside the row's link, not inside it: a link in a link is neither valid nor reachable.
        <a
          className="compact-row-action"
          href={formatRoute({ screen: 'reading', workspaceId: workspace.id, pool: pool.pool })}
          aria-label={`Record reading of ${meterLabel}`}
          data-testid="record-reading"
        >
          Record reading
        </a>
      ) : null}
    </li>
  );
}

/**
 * The popover's overview: one row per pool, most urgent first (pins on top), each a link to its
 * workspace; Up and Down move between rows, Home and End to the ends.
 */
export function CompactList({
  rows,
  pinned,
}: {
  rows: readonly PoolRow[];
  pinned: ReadonlySet<string>;
}): React.JSX.Element {
  // Countdowns to the minute are precise enough in a list; the workspace screen ticks by the second.
  const now = useNow(30_000);
  return (
    <ul className="compact-list" data-nav-list data-testid="compact-list" onKeyDown={listKeyHandler()}>
      {rows.map((row) => (
        <CompactRow
          key={poolItemKey(row.workspace.id, row.pool.pool)}
          row={row}
          pinned={pinned.has(row.workspace.id)}
          now={now}
        />
      ))}
    </ul>
  );
}
