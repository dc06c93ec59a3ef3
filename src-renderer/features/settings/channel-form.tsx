import { useId, useState } from 'react';
import { channelUrlProblem, type ChannelInput, type ChannelView } from '../../../src-shared/ipc/channels';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import {
  alertKindSchema,
  channelKindSchema,
  DEFAULT_CHANNEL_ALERTS,
  type ChannelKind,
  type SettingsAlertKind,
} from '../../../src-shared/settings/settings';
import { ALERT_KIND_LABEL, CHANNEL_KIND_LABEL } from '../../components/labels';
import { useAppStore } from '../../store/store-context';

const PLACEHOLDER: Record<Exclude<ChannelKind, 'shell'>, string> = {
  webhook: 'https://example.com/creditbar-hook',
  slack: 'https://hooks.slack.com/services/…',
  teams: 'https://….logic.azure.com/workflows/…',
};

const HOW: Record<ChannelKind, string> = {
  webhook: 'Creditbar POSTs its versioned JSON body (see the README) with an Idempotency-Key header.',
  slack: 'In Slack: an app with Incoming Webhooks on, then "Add New Webhook to Workspace" for the channel.',
  teams:
    'In Teams: the channel’s … menu → Workflows → "Post to a channel when a webhook request is received".',
  shell:
    'Runs through the system shell with the JSON on stdin and CREDITBAR_* variables; stopped at the timeout.',
};

interface FormState {
  kind: ChannelKind;
  label: string;
  url: string;
  command: string;
  timeout: string;
  alerts: SettingsAlertKind[];
  allWorkspaces: boolean;
  workspaces: string[];
  digest: boolean;
}

type Errors = Partial<Record<'label' | 'url' | 'command' | 'timeout' | 'alerts' | 'workspaces', string>>;

function initial(channel: ChannelView | null): FormState {
  return {
    kind: channel?.kind ?? 'slack',
    label: channel?.label ?? '',
    url: '',
    command: channel?.kind === 'shell' ? channel.target : '',
    timeout: String(channel?.timeoutSeconds ?? 10),
    alerts: channel?.alerts ?? [...DEFAULT_CHANNEL_ALERTS],
    allWorkspaces: channel ? channel.workspaces === null : true,
    workspaces: channel?.workspaces ?? [],
    digest: channel?.digest ?? false,
  };
}

/** Field by field, what is wrong, in words a lead can act on; an empty URL keeps the stored one when editing. */
export function validateChannel(f: FormState, editing: boolean): Errors {
  const e: Errors = {};
  if (!f.label.trim() || f.label.trim().length > 80)
    e.label = 'Give the channel a name (up to 80 characters).';
  if (f.kind === 'shell') {
    if (!f.command.trim()) e.command = 'Type the command to run.';
    const t = Number(f.timeout);
    if (!Number.isInteger(t) || t < 1 || t > 300) e.timeout = 'A whole number of seconds from 1 to 300.';
  } else if (f.url.trim() || !editing) {
    const problem = f.url.trim()
      ? channelUrlProblem(f.kind, f.url.trim())
      : `Paste the ${CHANNEL_KIND_LABEL[f.kind]} URL.`;
    if (problem) e.url = `${problem.charAt(0).toUpperCase()}${problem.slice(1).replace(/\.?$/, '.')}`;
  }
  if (f.alerts.length === 0 && !f.digest) e.alerts = 'Pick at least one kind of alert, or the digest.';
  if (!f.allWorkspaces && f.workspaces.length === 0) e.workspaces = 'Pick at least one workspace, or all.';
  return e;
}

/**
 * Adds a channel (kind, name, URL or command, which alerts, which workspaces, the digest) or
 * changes one. The URL field is a password field that starts empty: a stored URL is a secret and
 * never comes back to the window; leaving it empty when editing keeps it.
 */
export function ChannelForm({
  channel,
  workspaces,
  onDone,
}: {
  channel: ChannelView | null;
  workspaces: readonly WorkspaceCard[];
  onDone(message: string): void;
}): React.JSX.Element {
  const id = useId();
  const addChannel = useAppStore((s) => s.addChannel);
  const updateChannel = useAppStore((s) => s.updateChannel);
  const [f, setF] = useState<FormState>(() => initial(channel));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const editing = channel !== null;
  const update = (patch: Partial<FormState>) => setF({ ...f, ...patch });
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const e = validateChannel(f, editing);
    setErrors(e);
    setFailure(null);
    if (Object.keys(e).length > 0) return;
    const common = {
      label: f.label.trim(),
      alerts: f.alerts,
      workspaces: f.allWorkspaces ? null : f.workspaces,
      digest: f.digest,
    };
    const target =
      f.kind === 'shell'
        ? { command: f.command.trim(), timeoutSeconds: Number(f.timeout) }
        : f.url.trim()
          ? { url: f.url.trim() }
          : {};
    setBusy(true);
    const r = editing
      ? await updateChannel({ id: channel.id, ...common, ...target })
      : await addChannel({ kind: f.kind, ...common, ...target } as ChannelInput);
    setBusy(false);
    if (!r.ok) {
      setFailure(`The channel was not ${editing ? 'saved' : 'added'}: ${r.message}`);
      return;
    }
    onDone(editing ? `Saved ${r.value.label}.` : `Added ${r.value.label}. Send a test to see it arrive.`);
  }

  const error = (name: keyof Errors) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: keyof Errors) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <form
      className="channel-form"
      aria-label={editing ? `Edit ${channel.label}` : 'Add a channel'}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={f.kind}
            disabled={editing}
            onChange={(e) => update({ kind: e.target.value as ChannelKind, url: '' })}
          >
            {channelKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {CHANNEL_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-label`}>Name</label>
          <input
            id={`${id}-label`}
            value={f.label}
            autoComplete="off"
            placeholder="Team #credits"
            onChange={(e) => update({ label: e.target.value })}
            {...described('label')}
          />
          {error('label')}
        </div>
      </div>
      {f.kind === 'shell' ? (
        <div className="field-row">
          <div className="field grow">
            <label htmlFor={`${id}-command`}>Command</label>
            <input
              id={`${id}-command`}
              className="mono"
              value={f.command}
              autoComplete="off"
              spellCheck={false}
              placeholder="logger -t creditbar"
              onChange={(e) => update({ command: e.target.value })}
              {...described('command')}
            />
            {error('command')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-timeout`}>Timeout (seconds)</label>
            <input
              id={`${id}-timeout`}
              inputMode="numeric"
              size={5}
              value={f.timeout}
              onChange={(e) => update({ timeout: e.target.value })}
              {...described('timeout')}
            />
            {error('timeout')}
          </div>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-url`}>
            {editing ? 'New URL (leave empty to keep the stored one)' : 'URL'}
          </label>
          <input
            id={`${id}-url`}
            type="password"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={f.url}
            placeholder={editing ? channel.target : PLACEHOLDER[f.kind]}
            onChange={(e) => update({ url: e.target.value })}
            {...described('url')}
          />
          {error('url')}
        </div>
      )}
      <p className="hint">{HOW[f.kind]}</p>
      <fieldset aria-describedby={errors.alerts ? `${id}-alerts-error` : undefined}>
        <legend>Send these alerts</legend>
        <div className="check-grid">
          {alertKindSchema.options.map((k) => (
            <label className="check" key={k}>
              <input
                type="checkbox"
                checked={f.alerts.includes(k)}
                onChange={(e) => update({ alerts: toggle(f.alerts, k, e.target.checked) })}
              />
              {ALERT_KIND_LABEL[k]}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={f.digest} onChange={(e) => update({ digest: e.target.checked })} />
          The digest (see Digest below)
        </label>
        {error('alerts')}
      </fieldset>
      <fieldset aria-describedby={errors.workspaces ? `${id}-workspaces-error` : undefined}>
        <legend>From these workspaces</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={f.allWorkspaces}
            onChange={(e) => update({ allWorkspaces: e.target.checked })}
          />
          All workspaces, including ones added later
        </label>
        {f.allWorkspaces ? null : (
          <div className="check-grid">
            {workspaces.map((w) => (
              <label className="check" key={w.id}>
                <input
                  type="checkbox"
                  checked={f.workspaces.includes(w.id)}
                  onChange={(e) => update({ workspaces: toggle(f.workspaces, w.id, e.target.checked) })}
                />
                {w.name}
              </label>
            ))}
          </div>
        )}
        {error('workspaces')}
      </fieldset>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save channel' : 'Add channel'}
        </button>
        <button type="button" className="button" onClick={() => onDone('')} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
