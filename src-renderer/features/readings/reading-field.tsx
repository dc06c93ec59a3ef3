import { useId, useState } from 'react';
import type { ReadingResult } from '../../../src-shared/ipc/manual-contract';
import type { PoolCard, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { formatCredits, formatDateTime, formatDayKey } from '../../components/format';
import { POOL_LABEL } from '../../components/labels';
import { useAppStore } from '../../store/store-context';
import { BackwardsQuestion } from './backwards-question';
import { isoToLocalInput, localInputToIso, parseCreditsInput } from './parse-credits';

/** What a recorded reading did, in one sentence for the form. */
export function readingOutcomeText(r: ReadingResult): string {
  if (r.kind === 'check') {
    if (!r.check)
      return 'Recorded as a check. That moment is older than the detail kept here, so it was not compared.';
    const { what, platform, local, difference } = r.check;
    const gap =
      difference === 0
        ? 'in step'
        : `${formatCredits(Math.abs(difference))} ${difference > 0 ? 'more' : 'less'} ${what} here`;
    return `Checked: the platform says ${formatCredits(platform)} ${what}, Creditbar counted ${formatCredits(local)} ${what} (${gap}).`;
  }
  if (r.backwardsBy !== null) return '';
  // The period's start is named, as `creditbar reading add` names it: a reading typed for an earlier
  // time may count from a period that is not the one the card shows.
  const since = !r.since
    ? 'since the period started'
    : r.sincePeriodStart
      ? `since the period started on ${formatDayKey(r.since.slice(0, 10))}`
      : `since the reading of ${formatDateTime(r.since)}`;
  return `Recorded: ${formatCredits(r.counted ?? 0)} used ${since}.`;
}

/**
 * The "Record reading" field of one pool: one number, what the platform's usage page shows (left,
 * or used), now unless an earlier time is given. The entry point for the workspace screen, the
 * reading route (#/reading/<workspace>/<pool>, opened by the reminder and by popover rows) and any
 * row that embeds it. On a synced workspace the reading is a check against the synced count.
 */
export function ReadingField({
  workspace,
  pool,
  autoFocus = false,
  onRecorded,
}: {
  workspace: WorkspaceCard;
  pool: PoolCard;
  autoFocus?: boolean;
  onRecorded?: (result: ReadingResult) => void;
}): React.JSX.Element {
  const id = useId();
  const recordReading = useAppStore((s) => s.recordReading);
  const [shows, setShows] = useState<'remaining' | 'used'>('remaining');
  const [value, setValue] = useState('');
  const [earlier, setEarlier] = useState(false);
  const [when, setWhen] = useState(() => isoToLocalInput(Date.now()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReadingResult | null>(null);
  const synced = workspace.source === 'sync';
  const poolName = POOL_LABEL[pool.pool].toLowerCase();

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const credits = parseCreditsInput(value);
    if (credits === null) {
      setError(
        `Type the credits ${shows === 'remaining' ? 'left' : 'used'} as the usage page shows them, e.g. 4,200.`,
      );
      return;
    }
    const at = earlier ? localInputToIso(when) : undefined;
    if (earlier && !at) {
      setError('Pick the date and time the page showed this number.');
      return;
    }
    setError(null);
    setBusy(true);
    const r = await recordReading({
      workspaceId: workspace.id,
      pool: pool.pool,
      ...(shows === 'remaining' ? { remaining: credits } : { used: credits }),
      ...(at ? { at } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setError(`The reading was not recorded: ${r.message}`);
      return;
    }
    setResult(r.value);
    setValue('');
    setNote('');
    onRecorded?.(r.value);
  }

  return (
    <form
      className="reading-field"
      aria-label={`Record a reading of ${workspace.name} ${poolName}`}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="reading-field"
    >
      <fieldset className="segmented">
        <legend>The usage page shows the credits</legend>
        {(['remaining', 'used'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={`${id}-shows`}
              checked={shows === kind}
              onChange={() => setShows(kind)}
            />
            {kind === 'remaining' ? 'left' : 'used'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-value`}>
          {shows === 'remaining' ? 'Credits left' : 'Credits used this period'}
        </label>
        <input
          id={`${id}-value`}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          autoFocus={autoFocus}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          placeholder={shows === 'remaining' ? formatCredits(pool.remaining) : formatCredits(pool.used)}
        />
        <p id={`${id}-hint`} className="hint">
          {synced
            ? 'This workspace syncs: the reading is compared with the synced count and shown as drift.'
            : `Of ${formatCredits(pool.available)} this period. Creditbar counts the difference from the last reading as usage.`}
        </p>
      </div>
      <div className="field">
        <label className="inline">
          <input type="checkbox" checked={earlier} onChange={(e) => setEarlier(e.target.checked)} /> Read
          earlier than now
        </label>
        {earlier ? (
          <input
            type="datetime-local"
            aria-label="When the page showed it"
            value={when}
            max={isoToLocalInput(Date.now())}
            onChange={(e) => setWhen(e.target.value)}
          />
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input id={`${id}-note`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record reading'}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {result && result.backwardsBy === null ? (
        <p className="form-ok" role="status" data-testid="reading-result">
          {readingOutcomeText(result)}
        </p>
      ) : null}
      {result && result.backwardsBy !== null ? (
        <BackwardsQuestion
          workspaceId={workspace.id}
          readingId={result.id}
          by={result.backwardsBy}
          onAnswered={() => setResult(null)}
        />
      ) : null}
    </form>
  );
}
