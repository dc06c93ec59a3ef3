import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import type { Settings } from '../../../src-shared/settings/settings';
import { PoolThresholdForm } from './pool-threshold-form';

/**
 * Thresholds per workspace and pool: what is in force and where it comes from (the account's, the
 * defaults, or yours), each pool settable on its own (Base44's two pools differ a hundredfold), in
 * percent of the pool or in credits used, and a reset to the account's.
 */
export function ThresholdsSection({
  settings,
  workspaces,
}: {
  settings: Settings;
  workspaces: WorkspaceCard[];
}): React.JSX.Element {
  return (
    <section className="card settings-section" aria-labelledby="thresholds-title" id="thresholds">
      <h2 id="thresholds-title">Thresholds</h2>
      <p className="hint">
        The bar marks and the alerts follow the thresholds in force. A pool that runs dry always alerts.
      </p>
      {workspaces.length === 0 ? <p className="muted">Workspaces appear here after the first sync.</p> : null}
      {workspaces.map((w) => (
        <fieldset key={w.id} className="threshold-workspace" data-testid="threshold-workspace">
          <legend>{w.name}</legend>
          {w.pools.map((p) => (
            <PoolThresholdForm key={p.pool} workspace={w} pool={p} settings={settings} />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
