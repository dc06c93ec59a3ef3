import { useState } from 'react';
import type { AccountRemoval } from '../../../src-shared/ipc/contract';
import type { Settings } from '../../../src-shared/settings/settings';
import { useAppStore } from '../../store/store-context';
import { AccountForm } from './account-form';
import { AccountTokenForm } from './account-token-form';
import { SessionOnlySwitch } from './session-only-switch';
import { ConfirmRemove } from '../../components/confirm-remove';

/** "6 months of history of 2 workspaces (Marketing, Ops) and 18 alerts": what a removal takes. */
export function removalText(r: AccountRemoval): string {
  const months = r.months === 1 ? '1 month' : `${r.months} months`;
  const workspaces =
    r.workspaces.length === 0
      ? 'no workspace synced yet'
      : `${r.workspaces.length === 1 ? '1 workspace' : `${r.workspaces.length} workspaces`} (${r.workspaces.join(', ')})`;
  const alerts = r.alerts === 1 ? '1 alert' : `${r.alerts} alerts`;
  return `Removing ${r.label} removes ${months} of history of ${workspaces} and ${alerts} from this computer, and its stored token. The account itself is not touched.`;
}

/** The accounts Creditbar syncs from (tokens never shown), the demo, and a form to add one. */
export function AccountsSection({ settings }: { settings: Settings }): React.JSX.Element {
  const mode = useAppStore((s) => s.snapshot?.mode ?? null);
  const removeAccount = useAppStore((s) => s.removeAccount);
  const accountRemoval = useAppStore((s) => s.accountRemoval);
  const [footprint, setFootprint] = useState<AccountRemoval | null>(null);
  const statuses = useAppStore((s) => s.snapshot?.accounts ?? null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: string): Promise<void> {
    setError(null);
    const r = await removeAccount(id);
    setConfirming(null);
    setFootprint(null);
    if (!r.ok) setError(`The account was not removed: ${r.message}`);
  }

  /** Asks what the removal takes before offering it, so the confirmation can name it. */
  async function confirm(id: string): Promise<void> {
    setError(null);
    const r = await accountRemoval(id);
    if (!r.ok) {
      setError(`What removing it would take could not be read: ${r.message}`);
      return;
    }
    setFootprint(r.value);
    setConfirming(id);
  }

  return (
    <section className="card settings-section" aria-labelledby="accounts-title" id="accounts">
      <h2 id="accounts-title">Accounts</h2>
      {mode === 'demo' ? (
        <p className="hint">
          The demo is running: its server and simulated activity live on this computer. Adding an account
          replaces it.
        </p>
      ) : null}
      {settings.accounts.length === 0 ? (
        <p className="muted">No account connected yet.</p>
      ) : (
        <ul className="account-list" aria-label="Connected accounts">
          {settings.accounts.map((a) => {
            const status = statuses?.find((s) => s.id === a.id) ?? null;
            const needed = status !== null && status.token !== 'stored';
            return (
              <li key={a.id}>
                <span>
                  <strong>{a.label}</strong> <span className="muted mono">{a.serverUrl}</span>
                  {needed ? (
                    <span className="state-badge level-critical token-needed">token needed</span>
                  ) : (
                    <span className="muted"> · token stored</span>
                  )}
                </span>
                <ConfirmRemove
                  confirming={confirming === a.id}
                  name={a.label}
                  confirmText={`Yes, remove ${a.label}`}
                  detail={
                    footprint ? (
                      <span className="removal-text" data-testid="removal-text" role="alert">
                        {removalText(footprint)}
                      </span>
                    ) : null
                  }
                  onAsk={() => void confirm(a.id)}
                  onConfirm={() => void remove(a.id)}
                  onKeep={() => {
                    setConfirming(null);
                    setFootprint(null);
                  }}
                />
                {needed ? <AccountTokenForm status={status} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <SessionOnlySwitch settings={settings} />
      <h3>Add an account</h3>
      <AccountForm />
    </section>
  );
}
