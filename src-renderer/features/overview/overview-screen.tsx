import { useEffect } from 'react';
import { measureRender } from '../../app/readiness';
import { Empty, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { PoolCard } from './pool-card';

/** Every workspace's pools as cards: the popover's first screen. */
export function OverviewScreen(): React.JSX.Element {
  const snapshot = useAppStore((s) => s.snapshot);

  // One measure per snapshot drawn: from its arrival (store mark) to the commit of the cards.
  useEffect(() => {
    if (snapshot) measureRender('overview', 'creditbar:snapshot-received');
  }, [snapshot]);

  if (!snapshot) return <Loading label="Loading balances…" />;
  const cards = snapshot.workspaces.flatMap((w) => w.pools.map((p) => ({ w, p })));
  return (
    <section aria-labelledby="overview-title" className="overview">
      <h1 id="overview-title" className="screen-title">
        Overview
      </h1>
      {cards.length === 0 ? (
        snapshot.sync.running || snapshot.sync.lastSuccessAt === null ? (
          <Loading label="The first sync is still running; your workspaces appear here when it is done." />
        ) : (
          <Empty title="No workspaces yet.">
            <p>
              The connected account has no workspaces with credit pools. Add another account in{' '}
              <a href="#/settings">Settings</a>.
            </p>
          </Empty>
        )
      ) : (
        <div className="card-grid">
          {cards.map(({ w, p }) => (
            <PoolCard key={`${w.id}:${p.pool}`} workspace={w} pool={p} asOf={snapshot.asOf} />
          ))}
        </div>
      )}
    </section>
  );
}
