import { useId, useState } from 'react';
import type { AccountStatus } from '../../../src-shared/ipc/snapshot';
import { useAppStore } from '../../store/store-context';

/**
 * "Token needed": an account whose token is not stored here (browser mode before tokens were kept,
 * a lost key) gets a field to enter it again. Main tests it against the server before storing it.
 */
export function AccountTokenForm({ status }: { status: AccountStatus }): React.JSX.Element {
  const setAccountToken = useAppStore((s) => s.setAccountToken);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function save(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const r = await setAccountToken(status.id, token.trim());
    setBusy(false);
    if (r.ok) setToken('');
    else setError(r.message);
  }

  return (
    <form className="token-form" onSubmit={(e) => void save(e)} aria-label={`Token for ${status.label}`}>
      <p className="field-error" id={`${id}-why`}>
        {status.message}.
      </p>
      <label htmlFor={`${id}-token`}>API token</label>
      <span className="button-row">
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={`${id}-why`}
          required
          minLength={8}
        />
        <button type="submit" className="button primary" disabled={busy || token.trim().length < 8}>
          {busy ? 'Checking…' : 'Save token'}
        </button>
      </span>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
