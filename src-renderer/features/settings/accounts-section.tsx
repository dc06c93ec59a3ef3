import { useState } from 'react';
import type { Settings } from '../../../src-shared/settings/settings';
import { useAppStore } from '../../store/store-context';
import { AccountForm } from './account-form';
import { AccountTokenForm } from './account-token-form';
import { SessionOnlySwitch } from './session-only-switch';
import { ConfirmRemove } from '../../components/confirm-remove';

/** The accounts Creditbar syncs from (tokens never shown), the demo, and a form to add one. */
export function AccountsSection({ settings }: { settings: Settings }): React.JSX.Element {
  const mode = useAppStore((s) => s.snapshot?.mode ?? null);
  const removeAccount = useAppStore((s) => s.removeAccount);
  const statuses = useAppStore((s) => s.snapshot?.accounts ?? null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: string): Promise<void> {
    setError(null);
    const r = await removeAccount(id);
    setConfirming(null);
    if (!r.ok) setError(`The account was not removed: ${r.message}`);
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
                  onAsk={() => setConfirming(a.id)}
                  onConfirm={() => void remove(a.id)}
                  onKeep={() => setConfirming(null)}
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
