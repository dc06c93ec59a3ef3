import type { PoolCard as PoolCardData, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { RulesAssumedLabel } from '../../components/rules-assumed-label';
import { LIST_ITEM, poolItemKey } from '../../app/list-navigation';
import { FreshnessBadge } from '../../components/freshness-badge';
import { POOL_LABEL, planLabel } from '../../components/labels';
import { PoolSummary } from '../../components/pool-summary';
import { StateBadge } from '../../components/state-badge';
import { formatRoute } from '../../store/route';

/** One overview card: a workspace's pool at a glance; its name links to the workspace screen. */
export function PoolCard({
  workspace,
  pool,
  asOf,
}: {
  workspace: WorkspaceCard;
  pool: PoolCardData;
  asOf: string;
}): React.JSX.Element {
  const headingId = `card-${workspace.id}-${pool.pool}`;
  const label = `${workspace.name} ${POOL_LABEL[pool.pool].toLowerCase()}`;
  return (
    <article
      className={`card pool-card level-${pool.level}`}
      aria-labelledby={headingId}
      data-testid="pool-card"
      data-workspace-id={workspace.id}
      data-pool={pool.pool}
      data-state={pool.state}
    >
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          <a
            href={formatRoute({ screen: 'workspace', workspaceId: workspace.id })}
            className="stretched-link"
            {...{ [LIST_ITEM]: poolItemKey(workspace.id, pool.pool) }}
          >
            {workspace.name}
            <span className="sr-only">, {POOL_LABEL[pool.pool].toLowerCase()}</span>
          </a>
        </h2>
        <StateBadge pool={pool} />
      </header>
      <p className="card-subtitle">
        {POOL_LABEL[pool.pool]} · {planLabel(workspace.plan)}
        {workspace.source === 'manual' ? (
          <span className="source-label" data-testid="source-label">
            manual
          </span>
        ) : null}
        <RulesAssumedLabel workspace={workspace} />
        <FreshnessBadge freshness={workspace.freshness} />
      </p>
      <PoolSummary pool={pool} label={label} asOf={asOf} />
      {workspace.source === 'manual' ? (
        <p className="card-actions">
          <a
            className="button small"
            href={formatRoute({ screen: 'reading', workspaceId: workspace.id, pool: pool.pool })}
            data-testid="record-reading"
          >
            Record reading
          </a>
        </p>
      ) : null}
    </article>
  );
}
