import { useState } from 'react';
import type { ChannelView } from '../../../src-shared/ipc/channels';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { formatDateTime } from '../../components/format';
import { CheckIcon, CriticalIcon } from '../../components/icons';
import { ALERT_KIND_LABEL, CHANNEL_KIND_LABEL } from '../../components/labels';
import { useAppStore } from '../../store/store-context';

/** "Delivered Nov 21, 9:40 AM", "Failing since …: HTTP 503 …", "Nothing sent yet". */
function StatusLine({ channel }: { channel: ChannelView }): React.JSX.Element {
  const s = channel.status;
  if (!channel.enabled) return <p className="muted">Off: nothing is sent here.</p>;
  if (s.state === 'failing' && s.lastError)
    return (
      <p className="channel-status failing" role="status">
        <CriticalIcon /> Failing: {s.lastError.message} ({formatDateTime(s.lastError.at)}).{' '}
        {s.pending > 0
          ? `${s.pending} ${s.pending === 1 ? 'message is' : 'messages are'} being retried for up to a day.`
          : ''}
        {s.givenUp > 0 ? ` ${s.givenUp} given up this week.` : ''}
      </p>
    );
  if (s.state === 'ok')
    return (
      <p className="channel-status ok">
        <CheckIcon /> Delivered {s.lastDeliveredAt ? formatDateTime(s.lastDeliveredAt) : ''}
        {s.pending > 0 ? ` · ${s.pending} waiting for the rate limit` : ''}
      </p>
    );
  return <p className="muted">Nothing sent yet{s.pending > 0 ? ` · ${s.pending} waiting` : ''}.</p>;
}

/** One channel: what it is, where it goes (masked), what it takes, its state, and what can be done with it. */
export function ChannelRow({
  channel,
  workspaces,
  onEdit,
}: {
  channel: ChannelView;
  workspaces: readonly WorkspaceCard[];
  onEdit(): void;
}): React.JSX.Element {
  const testChannel = useAppStore((s) => s.testChannel);
  const updateChannel = useAppStore((s) => s.updateChannel);
  const removeChannel = useAppStore((s) => s.removeChannel);
  const [busy, setBusy] = useState<'test' | 'toggle' | 'remove' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const names = new Map(workspaces.map((w) => [w.id, w.name]));

  async function run(what: 'test' | 'toggle' | 'remove'): Promise<void> {
    setBusy(what);
    setResult(null);
    if (what === 'test') {
      const r = await testChannel(channel.id);
      setResult(r.ok ? r.value : { ok: false, message: `The test could not run: ${r.message}` });
    } else if (what === 'toggle') {
      const r = await updateChannel({ id: channel.id, enabled: !channel.enabled });
      if (!r.ok) setResult({ ok: false, message: `Not changed: ${r.message}` });
    } else {
      const r = await removeChannel(channel.id);
      if (!r.ok) setResult({ ok: false, message: `The channel was not removed: ${r.message}` });
    }
    setBusy(null);
    setConfirming(false);
  }

  const what = [...channel.alerts.map((k) => ALERT_KIND_LABEL[k]), ...(channel.digest ? ['the digest'] : [])];
  const from =
    channel.workspaces === null
      ? 'every workspace'
      : channel.workspaces.map((id) => names.get(id) ?? id).join(', ');
  return (
    <li className="channel-row" aria-label={channel.label}>
      <div className="channel-head">
        <strong>{channel.label}</strong>
        <span className="muted"> · {CHANNEL_KIND_LABEL[channel.kind]}</span>
      </div>
      <p className="mono channel-target">{channel.target}</p>
      <p className="muted">
        {what.length > 0 ? what.join(', ') : 'Nothing'} from {from}.
      </p>
      <StatusLine channel={channel} />
      {result ? (
        <p className={result.ok ? 'form-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? 'Sending…' : 'Send a test'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('toggle')}>
          {channel.enabled ? 'Turn off' : 'Turn on'}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button danger"
              disabled={busy !== null}
              onClick={() => void run('remove')}
            >
              Yes, remove {channel.label}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
            aria-label={`Remove ${channel.label}`}
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
