import { useId, useState } from 'react';
import { accountInputSchema } from '../../../src-shared/ipc/contract';
import { useAppStore } from '../../store/store-context';

type Field = 'label' | 'serverUrl' | 'token';

const FIELD_ERROR: Record<Field, string> = {
  label: 'Give the account a name (up to 80 characters).',
  serverUrl: 'Enter the server address, starting with https:// (or http:// on your own machine).',
  token: 'Paste the API token from your account (at least 8 characters).',
};

/** Which fields fail the contract's own schema, with words a user can act on. */
export function validateAccount(
  input: Record<Field, string>,
  fields: Field[] = ['label', 'serverUrl', 'token'],
): Partial<Record<Field, string>> {
  const parsed = accountInputSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    if (fields.includes(field)) errors[field] = FIELD_ERROR[field];
  }
  return errors;
}

/**
 * Adds an account: name, server URL and token. The token field starts empty, is a password
 * field, and is cleared once used: a stored token is never sent back to the renderer.
 */
export function AccountForm({ onAdded }: { onAdded?: () => void }): React.JSX.Element {
  const id = useId();
  const addAccount = useAppStore((s) => s.addAccount);
  const testConnection = useAppStore((s) => s.testConnection);
  const [values, setValues] = useState<Record<Field, string>>({ label: '', serverUrl: '', token: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState<'test' | 'add' | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues({ ...values, [field]: e.target.value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  async function test(): Promise<void> {
    const e = validateAccount({ ...values, label: values.label || 'test' }, ['serverUrl', 'token']);
    setErrors(e);
    setResult(null);
    if (Object.keys(e).length) return;
    setBusy('test');
    const r = await testConnection({ serverUrl: values.serverUrl.trim(), token: values.token });
    setBusy(null);
    if (!r.ok) setResult({ ok: false, message: `The test could not run: ${r.message}` });
    else
      setResult({
        ok: r.value.ok,
        message: r.value.ok
          ? `Connected: ${r.value.workspaces} ${r.value.workspaces === 1 ? 'workspace' : 'workspaces'} found.`
          : r.value.message,
      });
  }

  async function add(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const input = { label: values.label.trim(), serverUrl: values.serverUrl.trim(), token: values.token };
    const e = validateAccount(input);
    setErrors(e);
    setResult(null);
    if (Object.keys(e).length) return;
    setBusy('add');
    const r = await addAccount(input);
    setBusy(null);
    if (!r.ok) {
      setResult({ ok: false, message: `The account was not added: ${r.message}` });
      return;
    }
    setValues({ label: '', serverUrl: '', token: '' });
    setResult({ ok: true, message: `Added ${r.value.label}. Its workspaces appear after the first sync.` });
    onAdded?.();
  }

  const field = (
    name: Field,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement>,
  ): React.JSX.Element => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        value={values[name]}
        onChange={set(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        {...props}
      />
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="account-form" aria-label="Connect an account" onSubmit={(e) => void add(e)} noValidate>
      {field('label', 'Account name', { autoComplete: 'off', placeholder: 'Acme on Zite' })}
      {field('serverUrl', 'Server URL', {
        type: 'url',
        inputMode: 'url',
        autoComplete: 'off',
        spellCheck: false,
        placeholder: 'https://api.example.com',
      })}
      {field('token', 'API token', { type: 'password', autoComplete: 'off', spellCheck: false })}
      <p className="hint">The token is stored encrypted on this computer and is never shown again.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void test()} disabled={busy !== null}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button primary" disabled={busy !== null}>
          {busy === 'add' ? 'Adding…' : 'Add account'}
        </button>
      </div>
      {result ? (
        <p
          className={result.ok ? 'form-ok' : 'field-error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="account-result"
        >
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
