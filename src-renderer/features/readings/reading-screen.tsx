import type { PoolKind } from '../../../src-shared/types/ledger';
import { BackIcon } from '../../components/icons';
import { POOL_LABEL } from '../../components/labels';
import { PoolSummary } from '../../components/pool-summary';
import { Empty, Loading } from '../../components/status-message';
import { formatRoute } from '../../store/route';
import { useAppStore } from '../../store/store-context';
import { ReadingField } from './reading-field';
import { ReadingsList } from './readings-list';

/**
 * The reading field of one pool on a screen of its own: `#/reading/<workspace>/<pool>`, what the
 * reading reminder's click and a popover row's "Record reading" open.
 */
export function ReadingScreen({
  workspaceId,
  pool,
}: {
  workspaceId: string;
  pool: PoolKind;
}): React.JSX.Element {
  const snapshot = useAppStore((s) => s.snapshot);
  if (!snapshot) return <Loading label="Loading the workspace…" />;
  const workspace = snapshot.workspaces.find((w) => w.id === workspaceId);
  const card = workspace?.pools.find((p) => p.pool === pool);
  return (
    <section className="reading-screen" aria-labelledby="reading-title" data-testid="reading-screen">
      <a
        className="back-link"
        href={formatRoute(workspace ? { screen: 'workspace', workspaceId } : { screen: 'overview' })}
      >
        <BackIcon />
        {workspace ? workspace.name : 'Overview'}
      </a>
      {!workspace || !card ? (
        <>
          <h1 id="reading-title" className="screen-title">
            Nothing to read here
          </h1>
          <Empty
            title={`There is no ${POOL_LABEL[pool].toLowerCase()} pool of a workspace "${workspaceId}" any more.`}
          />
        </>
      ) : (
        <>
          <h1 id="reading-title" className="screen-title">
            Record a reading: {workspace.name}
          </h1>
          <p className="card-subtitle">{POOL_LABEL[pool]}</p>
          <ReadingField workspace={workspace} pool={card} autoFocus />
          <PoolSummary
            pool={card}
            label={`${workspace.name} ${POOL_LABEL[pool].toLowerCase()}`}
            asOf={snapshot.asOf}
          />
          <ReadingsList workspaceId={workspaceId} pool={pool} refreshKey={snapshot.asOf} />
        </>
      )}
    </section>
  );
}
